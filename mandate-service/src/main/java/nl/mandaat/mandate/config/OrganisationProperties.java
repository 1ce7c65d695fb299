package nl.mandaat.mandate.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the organisation comes from ({@code mandaat.org.*}); the token for it is the service's
 * internal client ({@code mandaat.internal-client.*}, docs/suite.md).
 *
 * @param uri org-service's base URI; its snapshot and event stream are read (docs/events.md)
 * @param idleTimeout how long the stream may stay silent (heartbeats every 15 s) before it is
 *     dropped and resumed
 * @param source {@code stream} (org-service's stream, the default, also under profile {@code demo})
 *     or {@code demo} (the fixed demo municipality, for tests without org-service)
 */
@ConfigurationProperties(OrganisationProperties.PREFIX)
@Validated
public record OrganisationProperties(
    @DefaultValue("http://localhost:8081") @NotNull URI uri,
    @DefaultValue("45s") @NotNull Duration idleTimeout,
    @DefaultValue("stream") @NotNull Source source) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.org";

  /** Where the organisation comes from. */
  public enum Source {
    STREAM,
    DEMO
  }
}
