package nl.mandaat.support;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The client a service uses for calls inside the suite ({@code mandaat.internal-client.*},
 * docs/suite.md): client credentials at the issuer, e.g. Keycloak's {@code mandaat-internal} with
 * realm role {@code pdp-client}. Without an id, internal calls carry no token.
 *
 * @param id the client id, null for none
 * @param secret the client secret
 * @param tokenUri the token endpoint; null means Keycloak's {@code
 *     <issuer>/protocol/openid-connect/token}
 * @param refreshBefore a token this close to its expiry is replaced before the next call
 * @param token a fixed bearer token instead of a client (development only), null for none
 */
@ConfigurationProperties(InternalClientProperties.PREFIX)
@Validated
public record InternalClientProperties(
    @Nullable String id,
    @Nullable String secret,
    @Nullable URI tokenUri,
    @DefaultValue("60s") @NotNull Duration refreshBefore,
    @Nullable String token) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.internal-client";

  URI effectiveTokenUri(String issuerUri) {
    if (tokenUri != null) {
      return tokenUri;
    }
    String issuer = issuerUri.endsWith("/") ? issuerUri : issuerUri + "/";
    return URI.create(issuer + "protocol/openid-connect/token");
  }
}
