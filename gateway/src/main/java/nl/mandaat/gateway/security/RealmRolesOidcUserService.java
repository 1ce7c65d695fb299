package nl.mandaat.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;
import nl.mandaat.support.KeycloakJwtAuthenticationConverter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The browser user after login: Keycloak's realm roles are in the access token, not the ID token,
 * so the access token is checked like any bearer token (issuer, audience, signature, time) and its
 * {@code realm_access.roles} become the session's {@code ROLE_<role>} authorities. The name is
 * {@code preferred_username}, as for a bearer token. A session therefore knows the same person and
 * roles a bearer token would.
 */
final class RealmRolesOidcUserService
    implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

  static final String NAME_ATTRIBUTE = "preferred_username";

  private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
  private final ReactiveJwtDecoder accessTokens;

  RealmRolesOidcUserService(ReactiveJwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public Mono<OidcUser> loadUser(OidcUserRequest request) {
    return delegate
        .loadUser(request)
        .zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()))
        .map(
            loaded -> {
              OidcUser user = loaded.getT1();
              Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
              authorities.addAll(KeycloakJwtAuthenticationConverter.authorities(loaded.getT2()));
              return new DefaultOidcUser(
                  authorities, user.getIdToken(), user.getUserInfo(), NAME_ATTRIBUTE);
            });
  }
}
