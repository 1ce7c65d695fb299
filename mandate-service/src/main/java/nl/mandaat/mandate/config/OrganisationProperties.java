package nl.mandaat.mandate.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the organisation comes from ({@code mandaat.org.*}).
 *
 * @param eventsUri org-service's event stream (docs/events.md)
 * @param token a bearer token with role {@code pdp-client} for that stream, null for none
 */
@ConfigurationProperties(OrganisationProperties.PREFIX)
@Validated
public record OrganisationProperties(
    @DefaultValue("http://localhost:8081/internal/v1/events") @NotNull URI eventsUri,
    @Nullable String token) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.org";
}
