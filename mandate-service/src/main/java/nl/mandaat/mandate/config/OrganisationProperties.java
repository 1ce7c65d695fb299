package nl.mandaat.mandate.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the organisation comes from ({@code mandaat.org.*}); the token for it is the service's
 * internal client ({@code mandaat.internal-client.*}, docs/suite.md).
 *
 * @param eventsUri org-service's event stream (docs/events.md)
 */
@ConfigurationProperties(OrganisationProperties.PREFIX)
@Validated
public record OrganisationProperties(
    @DefaultValue("http://localhost:8081/internal/v1/events") @NotNull URI eventsUri) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.org";
}
