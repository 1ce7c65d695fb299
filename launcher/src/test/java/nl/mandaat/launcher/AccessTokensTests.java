package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokensTests {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final URI ISSUER = URI.create("http://localhost:8180/realms/mandaat");

  private final Realm realm = RealmFixtures.realm();
  private final AccessTokens tokens =
      new AccessTokens(realm, ISSUER, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aUserTokenHasKeycloaksClaimShape() throws Exception {
    Realm.User user = realm.user("tm-omgeving").orElseThrow();

    JWTClaimsSet claims =
        tokens.accessClaims(
            user, realm.client("mandaat-cli").orElseThrow(), "email profile", Optional.of("s"));

    assertThat(claims.getIssuer()).isEqualTo("http://localhost:8180/realms/mandaat");
    assertThat(claims.getSubject()).isEqualTo(user.id());
    assertThat(claims.getStringClaim("preferred_username")).isEqualTo("tm-omgeving");
    assertThat(claims.getAudience()).containsExactly("mandaat");
    assertThat(claims.getStringClaim("azp")).isEqualTo("mandaat-cli");
    assertThat(claims.getStringClaim("typ")).isEqualTo("Bearer");
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
    assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(300)));
    @SuppressWarnings("unchecked")
    List<String> roles = (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
    assertThat(roles).containsExactlyInAnyOrder("medewerker", "manager");
    assertThat(claims.getStringClaim("email")).isEqualTo("tm-omgeving@zoetermeer.mandaat.example");
    assertThat(claims.getStringClaim("name")).isEqualTo(user.fullName().orElseThrow());
  }

  @Test
  void theAudienceIsASingleStringAsKeycloakWritesIt() {
    JWTClaimsSet claims =
        tokens.accessClaims(
            realm.user("beheer").orElseThrow(),
            realm.client("mandaat-cli").orElseThrow(),
            "email profile",
            Optional.empty());

    Map<String, Object> json = claims.toJSONObject();
    assertThat(json.get("aud")).isEqualTo("mandaat");
  }

  @Test
  void aServiceAccountTokenCarriesItsRoleAndNoPersonalClaims() throws Exception {
    JWTClaimsSet claims =
        tokens.accessClaims(
            realm.serviceAccount("mandaat-internal").orElseThrow(),
            realm.client("mandaat-internal").orElseThrow(),
            "email profile",
            Optional.empty());

    assertThat(claims.getStringClaim("preferred_username"))
        .isEqualTo("service-account-mandaat-internal");
    assertThat(claims.getJSONObjectClaim("realm_access").get("roles"))
        .isEqualTo(List.of("pdp-client"));
    assertThat(claims.getClaim("email")).isNull();
    assertThat(claims.getStringClaim("azp")).isEqualTo("mandaat-internal");
  }

  @Test
  void aSignedTokenVerifiesAgainstThePublishedKeyAndNamesIt() throws Exception {
    String token =
        tokens.sign(
            tokens.accessClaims(
                realm.user("auditor").orElseThrow(),
                realm.client("mandaat-cli").orElseThrow(),
                "email profile",
                Optional.empty()));

    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey published = (RSAKey) tokens.publicKeys().getKeys().get(0);
    assertThat(published.isPrivate()).isFalse();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
  }

  @Test
  void anExpiredOrForeignTokenDoesNotVerify() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    AccessTokens now = new AccessTokens(realm, ISSUER, key, Clock.fixed(NOW, ZoneOffset.UTC));
    AccessTokens later =
        new AccessTokens(realm, ISSUER, key, Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
    AccessTokens other = new AccessTokens(realm, ISSUER, Clock.fixed(NOW, ZoneOffset.UTC));
    String token =
        now.sign(
            now.accessClaims(
                realm.user("auditor").orElseThrow(),
                realm.client("mandaat-cli").orElseThrow(),
                "email profile",
                Optional.empty()));

    assertThat(now.verify(token)).isPresent();
    assertThat(later.verify(token)).isEmpty();
    assertThat(other.verify(token)).isEmpty();
    assertThat(now.verify("not.a.token")).isEmpty();
  }
}
