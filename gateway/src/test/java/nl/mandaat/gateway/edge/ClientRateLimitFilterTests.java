package nl.mandaat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class ClientRateLimitFilterTests {

  @Test
  void aBearerTokenIsCountedPerClientAndPerson() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .claim("azp", "mandaat-internal")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
            .build();

    assertThat(
            ClientRateLimitFilter.key(
                new JwtAuthenticationToken(jwt, List.of(), "service-account")))
        .contains("mandaat-internal:service-account");
  }

  @Test
  void aBrowserSessionIsCountedPerLoginClientAndPerson() {
    var user =
        new DefaultOAuth2User(
            List.of(), Map.of("preferred_username", "tm-omgeving"), "preferred_username");

    assertThat(
            ClientRateLimitFilter.key(new OAuth2AuthenticationToken(user, List.of(), "keycloak")))
        .contains("keycloak:tm-omgeving");
  }

  @Test
  void anyOtherPrincipalIsNotCounted() {
    assertThat(ClientRateLimitFilter.key(new TestingAuthenticationToken("x", "y"))).isEmpty();
  }
}
