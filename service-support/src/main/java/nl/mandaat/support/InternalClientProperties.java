package nl.mandaat.support;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties(InternalClientProperties.PREFIX)
@Validated
public record InternalClientProperties(
    @Nullable String id, @Nullable String secret, @Nullable URI tokenUri) {

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
