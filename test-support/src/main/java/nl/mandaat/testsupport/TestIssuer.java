package nl.mandaat.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OIDC issuer for tests, one per test JVM, issuing tokens shaped like the realm {@code
 * mandaat}'s: {@code preferred_username}, {@code realm_access.roles} and {@code aud: mandaat}.
 *
 * <p>Started lazily, stopped by a shutdown hook. Thread-safe.
 */
public final class TestIssuer {

  /** The audience every service accepts. */
  public static final String AUDIENCE = "mandaat";

  private static final String ISSUER_ID = "mandaat";
  private static final String OTHER_ISSUER_ID = "elsewhere";
  private static final long EXPIRY_SECONDS = 3600;

  private TestIssuer() {}

  /**
   * Registers {@code mandaat.security.issuer-uri}, {@code jwk-set-uri} and {@code audience} for
   * this issuer, for use in a {@code @DynamicPropertySource} method.
   */
  public static void registerProperties(DynamicPropertyRegistry registry) {
    registry.add("mandaat.security.issuer-uri", TestIssuer::issuerUri);
    registry.add("mandaat.security.jwk-set-uri", () -> Holder.SERVER.jwksUrl(ISSUER_ID).toString());
    registry.add("mandaat.security.audience", () -> AUDIENCE);
  }

  /** The issuer string the tokens carry. */
  public static String issuerUri() {
    return Holder.SERVER.issuerUrl(ISSUER_ID).toString();
  }

  /** A valid access token for {@code username} with the given realm roles. */
  public static String token(String username, String... roles) {
    return issue(ISSUER_ID, username, List.of(AUDIENCE), roles);
  }

  /** A token like {@link #token} but for another audience. */
  public static String tokenForAudience(String audience, String username, String... roles) {
    return issue(ISSUER_ID, username, List.of(audience), roles);
  }

  /** A token like {@link #token} but from another issuer. */
  public static String tokenFromOtherIssuer(String username, String... roles) {
    return issue(OTHER_ISSUER_ID, username, List.of(AUDIENCE), roles);
  }

  /** A token signed with the right key but naming another issuer. */
  public static String tokenNamingOtherIssuer(String username) {
    return Holder.SERVER
        .anyToken(
            Holder.SERVER.issuerUrl(OTHER_ISSUER_ID),
            Map.of("sub", username, "preferred_username", username, "aud", AUDIENCE),
            Duration.ofHours(1))
        .serialize();
  }

  private static String issue(
      String issuerId, String username, List<String> audience, String... roles) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("preferred_username", username);
    claims.put("realm_access", Map.of("roles", List.of(roles)));
    return Holder.SERVER
        .issueToken(
            issuerId,
            "test-client",
            new DefaultOAuth2TokenCallback(
                issuerId, username, JOSEObjectType.JWT.getType(), audience, claims, EXPIRY_SECONDS))
        .serialize();
  }

  private static final class Holder {
    private static final MockOAuth2Server SERVER = start();
  }

  private static MockOAuth2Server start() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "test-issuer-stop"));
    return server;
  }
}
