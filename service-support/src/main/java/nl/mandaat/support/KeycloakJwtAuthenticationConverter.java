package nl.mandaat.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads a Keycloak access token: realm roles ({@code realm_access.roles}) become {@code
 * ROLE_<role>} authorities and the principal's name is {@code preferred_username} (the person, as
 * ARCHITECTURE.md has it), falling back to {@code sub} for clients without a user.
 */
public final class KeycloakJwtAuthenticationConverter
    implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  /** The prefix of a realm role's authority: realm role {@code auditor} is {@code ROLE_auditor}. */
  public static final String ROLE_PREFIX = "ROLE_";

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), name(jwt)));
  }

  /** The person: {@code preferred_username}, or {@code sub} for a client without a user. */
  public static String name(Jwt jwt) {
    String username = jwt.getClaimAsString("preferred_username");
    return username != null && !username.isBlank() ? username : jwt.getSubject();
  }

  /** {@code ROLE_<role>} for every realm role in {@code realm_access.roles}. */
  public static List<GrantedAuthority> authorities(Jwt jwt) {
    if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)
        || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    return roles.stream()
        .filter(String.class::isInstance)
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + role))
        .toList();
  }

  /** Whether {@code caller} holds realm role {@code role} (authority {@code ROLE_<role>}). */
  public static boolean hasRealmRole(Authentication caller, String role) {
    String wanted = ROLE_PREFIX + role;
    for (GrantedAuthority authority : caller.getAuthorities()) {
      if (wanted.equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
