package nl.mandaat.mandate.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the organisation comes from ({@code mandaat.org.*}), and how this service authenticates
 * there.
 *
 * @param eventsUri org-service's event stream (docs/events.md)
 * @param clientId the OAuth2 client this service gets its token as (client credentials; its service
 *     account needs realm role {@code pdp-client}), null for none
 * @param clientSecret that client's secret
 * @param tokenUri the token endpoint; null for {@code
 *     <mandaat.security.issuer-uri>/protocol/openid-connect/token}
 * @param tokenRefreshBefore how long before its expiry the token is replaced
 * @param token a fixed bearer token instead of a client (development only), null for none
 */
@ConfigurationProperties(OrganisationProperties.PREFIX)
@Validated
public record OrganisationProperties(
    @DefaultValue("http://localhost:8081/internal/v1/events") @NotNull URI eventsUri,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable URI tokenUri,
    @DefaultValue("60s") @NotNull Duration tokenRefreshBefore,
    @Nullable String token) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.org";
}
