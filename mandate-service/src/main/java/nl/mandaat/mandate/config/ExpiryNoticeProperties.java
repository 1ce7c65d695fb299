package nl.mandaat.mandate.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * When the expiry notices are issued ({@code mandaat.expiry-notices.*}, README "The register").
 *
 * @param enabled false issues none from this instance (the endpoint still lists them)
 * @param cron the daily run, a Spring cron expression (second minute hour day month weekday)
 * @param zone the zone {@code cron} is read in
 * @param initialDelay the first run this long after start-up (the register loaded), so that a
 *     service that was down at the daily time catches up
 */
@ConfigurationProperties(ExpiryNoticeProperties.PREFIX)
@Validated
public record ExpiryNoticeProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0 30 5 * * *") @NotNull String cron,
    @DefaultValue("Europe/Amsterdam") @NotNull ZoneId zone,
    @DefaultValue("30s") @NotNull Duration initialDelay) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.expiry-notices";

  public ExpiryNoticeProperties {
    if (cron != null && !CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException(PREFIX + ".cron is not a cron expression: " + cron);
    }
    if (initialDelay != null && initialDelay.isNegative()) {
      throw new IllegalArgumentException(PREFIX + ".initial-delay is negative: " + initialDelay);
    }
  }
}
