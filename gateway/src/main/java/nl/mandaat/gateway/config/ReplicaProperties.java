package nl.mandaat.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's register replica ({@code mandaat.replica.*}, docs/suite.md).
 *
 * @param staleness the longest silence of org- or mandate-service's stream after which the gateway
 *     answers nothing from the replica (503 {@code REGISTER_UNAVAILABLE}); above the streams' 15 s
 *     heartbeat
 * @param idleTimeout how long a stream may stay silent before it is dropped and resumed
 * @param maxWait the longest wait for a demanded {@code minRevision}
 * @param organisationUri org-service's base URI for its stream; null: {@code
 *     mandaat.routes.org-uri}
 * @param registerUri mandate-service's base URI for its stream; null: {@code
 *     mandaat.routes.mandate-uri}
 */
@ConfigurationProperties(ReplicaProperties.PREFIX)
@Validated
public record ReplicaProperties(
    @DefaultValue("30s") @NotNull Duration staleness,
    @DefaultValue("20s") @NotNull Duration idleTimeout,
    @DefaultValue("2s") @NotNull Duration maxWait,
    @Nullable URI organisationUri,
    @Nullable URI registerUri) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.replica";
}
