package nl.mandaat.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway adds to the token checks every service shares ({@code mandaat.security.*},
 * docs/suite.md): the clock skew allowed on {@code exp}/{@code nbf}, and the browser login.
 *
 * @param clockSkew how far a token's {@code exp} and {@code nbf} may be off the gateway's clock
 * @param login the browser login at the gateway (authorization code with PKCE)
 */
@ConfigurationProperties(GatewaySecurityProperties.PREFIX)
@Validated
public record GatewaySecurityProperties(
    @DefaultValue("60s") @NotNull Duration clockSkew, @DefaultValue @Valid Login login) {

  /** The property prefix, shared with service-support's {@code TokenProperties}. */
  public static final String PREFIX = "mandaat.security";

  /**
   * The confidential client the gateway logs browsers in with. Endpoints are Keycloak's under the
   * issuer ({@code <issuer>/protocol/openid-connect/auth}, {@code /token}, {@code /userinfo},
   * {@code /logout}), so the gateway starts before the issuer answers.
   *
   * @param enabled false turns browser login off: only bearer tokens are accepted
   * @param clientId the client id, {@code mandaat-gateway} in the demo realm
   * @param clientSecret its secret; the demo realm's is in application.yaml
   */
  public record Login(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("mandaat-gateway") @NotBlank String clientId,
      @Nullable String clientSecret) {}
}
