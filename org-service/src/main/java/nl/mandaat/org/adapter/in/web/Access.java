package nl.mandaat.org.adapter.in.web;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Realm-role checks; a refusal becomes the shared 403 problem ({@code FORBIDDEN}). */
final class Access {

  static final String REGISTER_BEHEER = "ROLE_register-beheer";
  static final String PDP_CLIENT = "ROLE_pdp-client";

  private Access() {}

  /** The caller's username when the token carries one of {@code authorities}. */
  static Mono<String> requireAny(ServerWebExchange exchange, String... authorities) {
    Set<String> wanted = Set.of(authorities);
    return exchange
        .getPrincipal()
        .filter(Authentication.class::isInstance)
        .cast(Authentication.class)
        .filter(
            authentication ->
                authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(wanted::contains))
        .map(Authentication::getName)
        .switchIfEmpty(Mono.error(() -> new AccessDeniedException("Needs one of " + wanted)));
  }

  /** Writes to the organisation are for the register administrator. */
  static Mono<String> administrator(ServerWebExchange exchange) {
    return requireAny(exchange, REGISTER_BEHEER);
  }
}
