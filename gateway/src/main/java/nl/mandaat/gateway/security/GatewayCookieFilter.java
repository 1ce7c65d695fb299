package nl.mandaat.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own cookies (the session id and the CSRF token) stay at the gateway: a service
 * behind it gets the session's access token (TokenRelay), never the session itself. Other cookies
 * pass unchanged.
 */
public final class GatewayCookieFilter implements GlobalFilter, Ordered {

  /** Early among the gateway filters; any place before the routing filter would do. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** The cookies that never leave the gateway. */
  public static final Set<String> GATEWAY_COOKIES = Set.of("SESSION", "XSRF-TOKEN");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    List<String> headers = exchange.getRequest().getHeaders().get(HttpHeaders.COOKIE);
    if (headers == null || headers.isEmpty()) {
      return chain.filter(exchange);
    }
    String kept =
        headers.stream()
            .flatMap(header -> Arrays.stream(header.split(";")))
            .map(String::trim)
            .filter(cookie -> !cookie.isEmpty() && !GATEWAY_COOKIES.contains(name(cookie)))
            .collect(Collectors.joining("; "));
    return chain.filter(
        exchange
            .mutate()
            .request(
                request ->
                    request.headers(
                        h -> {
                          if (kept.isEmpty()) {
                            h.remove(HttpHeaders.COOKIE);
                          } else {
                            h.set(HttpHeaders.COOKIE, kept);
                          }
                        }))
            .build());
  }

  private static String name(String cookie) {
    int equals = cookie.indexOf('=');
    return (equals < 0 ? cookie : cookie.substring(0, equals)).trim();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
