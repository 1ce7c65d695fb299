package nl.mandaat.gateway.edge;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j rate limiter per caller, after authentication: the key is the client the token was
 * issued to ({@code azp}) together with the person or service account ({@code preferred_username});
 * for a browser session, the login client and the person. So one busy internal application, or one
 * person, cannot starve the others. Requests without authentication (the public console, or a
 * request about to get its 401) and health probes are not counted.
 *
 * <p>Over the limit: 429 problem {@code RATE_LIMITED} with {@code Retry-After} in whole seconds.
 */
public final class ClientRateLimitFilter implements WebFilter, Ordered {

  /** Just after Spring Security's chain (order {@code -100}), so the caller is known. */
  public static final int ORDER = -90;

  /** The problem code over the limit. */
  public static final String CODE = "RATE_LIMITED";

  private static final List<String> UNCOUNTED = List.of("/actuator/health", "/actuator/prometheus");

  private final RateLimiterRegistry limiters;

  public ClientRateLimitFilter(EdgeProperties.RateLimit settings) {
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(settings.limitForPeriod())
                .limitRefreshPeriod(settings.refreshPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (UNCOUNTED.stream().anyMatch(path::startsWith)) {
      return chain.filter(exchange);
    }
    return exchange
        .getPrincipal()
        .flatMap(principal -> Mono.justOrEmpty(overLimit(principal)))
        .flatMap(problem -> Mono.<Void>error(problem))
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
  }

  /**
   * Counts one request of {@code principal}'s client: empty when it may go on, the 429 problem when
   * the client is over its limit. A principal this limiter does not count always goes on.
   */
  public Optional<EdgeProblem> overLimit(Principal principal) {
    return key(principal)
        .map(limiters::rateLimiter)
        .filter(limiter -> !limiter.acquirePermission())
        .map(ClientRateLimitFilter::tooMany);
  }

  /** {@code <client>:<person>}, or empty for a caller this limiter does not count. */
  static Optional<String> key(Principal principal) {
    if (principal instanceof JwtAuthenticationToken jwt) {
      String client = jwt.getToken().getClaimAsString("azp");
      return Optional.of((client == null ? "-" : client) + ":" + jwt.getName());
    }
    if (principal instanceof OAuth2AuthenticationToken session) {
      return Optional.of(session.getAuthorizedClientRegistrationId() + ":" + session.getName());
    }
    return Optional.empty();
  }

  private static EdgeProblem tooMany(RateLimiter limiter) {
    long nanos =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
    long seconds = Math.max(1, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return EdgeProblem.of(
        HttpStatus.TOO_MANY_REQUESTS,
        CODE,
        "Too many requests from this client; try again after " + seconds + " s.",
        headers);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
