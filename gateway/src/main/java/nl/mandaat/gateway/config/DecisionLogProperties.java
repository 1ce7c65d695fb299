package nl.mandaat.gateway.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The decision log ({@code mandaat.decision-log.*}, docs/suite.md): every deny is recorded, permits
 * at a sample rate.
 *
 * @param permitSampleRate the share of permits recorded, 0 to 1
 * @param capacity the most records waiting to be written
 * @param interval how often waiting records are written
 */
@ConfigurationProperties(DecisionLogProperties.PREFIX)
@Validated
public record DecisionLogProperties(
    @DefaultValue("0.01") @DecimalMin("0") @DecimalMax("1") double permitSampleRate,
    @DefaultValue("100000") @Min(1) int capacity,
    @DefaultValue("200ms") @NotNull Duration interval) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.decision-log";
}
