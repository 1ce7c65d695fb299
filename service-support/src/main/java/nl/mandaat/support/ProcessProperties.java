package nl.mandaat.support;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service relates to the process that started it ({@code mandaat.*}).
 *
 * @param parentPid when set, the service exits as soon as that process is gone, so killing the
 *     launcher leaves no orphans
 */
@ConfigurationProperties(ProcessProperties.PREFIX)
@Validated
public record ProcessProperties(@Nullable @Positive Long parentPid) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat";
}
