package nl.mandaat.support;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which bearer tokens a service accepts ({@code mandaat.security.*}, docs/suite.md).
 *
 * @param issuerUri the OIDC issuer every accepted token names in {@code iss}
 * @param audience the audience every accepted token carries in {@code aud}
 * @param jwkSetUri where the issuer's signing keys are; {@code null} means Keycloak's {@code
 *     <issuer>/protocol/openid-connect/certs}. Fetched on the first token, never at start-up.
 * @param publicPaths path patterns served without a token, besides health and metrics
 */
@ConfigurationProperties(TokenProperties.PREFIX)
@Validated
public record TokenProperties(
    @DefaultValue("http://localhost:8180/realms/mandaat") @NotBlank String issuerUri,
    @DefaultValue("mandaat") @NotBlank String audience,
    @Nullable URI jwkSetUri,
    @DefaultValue List<String> publicPaths) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.security";

  /** {@link #jwkSetUri}, or Keycloak's certs endpoint under the issuer when that is null. */
  public URI effectiveJwkSetUri() {
    if (jwkSetUri != null) {
      return jwkSetUri;
    }
    String issuer = issuerUri.endsWith("/") ? issuerUri : issuerUri + "/";
    return URI.create(issuer + "protocol/openid-connect/certs");
  }
}
