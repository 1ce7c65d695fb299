package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.test.StepVerifier;

class KeycloakJwtAuthenticationConverterTests {

  private final KeycloakJwtAuthenticationConverter converter =
      new KeycloakJwtAuthenticationConverter();

  @Test
  void realmRolesBecomeRoleAuthorities() {
    Jwt jwt =
        jwt(
            Map.of(
                "sub", "f3a1",
                "preferred_username", "auditor",
                "realm_access", Map.of("roles", List.of("auditor", "medewerker"))));

    converter
        .convert(jwt)
        .as(StepVerifier::create)
        .assertNext(
            authentication ->
                assertThat(authentication.getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    .containsExactly("ROLE_auditor", "ROLE_medewerker"))
        .verifyComplete();
  }

  @Test
  void thePrincipalIsThePreferredUsernameNotTheSubject() {
    Jwt jwt = jwt(Map.of("sub", "f3a1", "preferred_username", "tm-omgeving"));

    converter
        .convert(jwt)
        .as(StepVerifier::create)
        .assertNext(authentication -> assertThat(authentication.getName()).isEqualTo("tm-omgeving"))
        .verifyComplete();
  }

  @Test
  void aClientTokenWithoutUsernameIsNamedBySubject() {
    assertThat(KeycloakJwtAuthenticationConverter.name(jwt(Map.of("sub", "service-account-pdp"))))
        .isEqualTo("service-account-pdp");
  }

  @Test
  void aTokenWithoutRealmRolesHasNoAuthorities() {
    assertThat(KeycloakJwtAuthenticationConverter.authorities(jwt(Map.of("sub", "x")))).isEmpty();
  }

  @Test
  void malformedRealmAccessIsIgnoredRatherThanTrusted() {
    assertThat(
            KeycloakJwtAuthenticationConverter.authorities(
                jwt(Map.of("sub", "x", "realm_access", Map.of("roles", "auditor")))))
        .isEmpty();
    assertThat(
            KeycloakJwtAuthenticationConverter.authorities(
                jwt(Map.of("sub", "x", "realm_access", List.of("auditor")))))
        .isEmpty();
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Instant now = Instant.now();
    return Jwt.withTokenValue("token")
        .header("alg", "RS256")
        .issuedAt(now)
        .expiresAt(now.plusSeconds(60))
        .claims(c -> c.putAll(claims))
        .build();
  }
}
