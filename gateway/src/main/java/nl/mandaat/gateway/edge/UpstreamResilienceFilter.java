package nl.mandaat.gateway.edge;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every call to an upstream route runs through that route's circuit breaker and time limit (Spring
 * Cloud CircuitBreaker on Resilience4j, breaker named after the route id), so no route can be added
 * without one.
 *
 * <p>Runs just before the routing filter, after every check: a request refused earlier never
 * counts. The time limit covers waiting for the upstream's response headers. A 5xx from the
 * upstream counts as a failure but is passed on as it is; a timeout is answered 504 {@code
 * UPSTREAM_TIMEOUT}, an open breaker 503 {@code CIRCUIT_OPEN} with {@code Retry-After}, an upstream
 * that cannot be reached 502 {@code UPSTREAM_UNREACHABLE}; all as problem documents.
 */
public final class UpstreamResilienceFilter implements GlobalFilter, Ordered {

  /** Just before {@link NettyRoutingFilter} (and the websocket routing filter just before it). */
  public static final int ORDER = NettyRoutingFilter.ORDER - 2;

  /** The group every upstream breaker belongs to. */
  public static final String GROUP = "upstream";

  private static final Logger log = LoggerFactory.getLogger(UpstreamResilienceFilter.class);

  private final ReactiveCircuitBreakerFactory<?, ?> breakers;
  private final EdgeProperties.Upstream settings;
  private final Map<String, ReactiveCircuitBreaker> byRoute = new ConcurrentHashMap<>();

  public UpstreamResilienceFilter(
      ReactiveCircuitBreakerFactory<?, ?> breakers, EdgeProperties.Upstream settings) {
    this.breakers = breakers;
    this.settings = settings;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
    if (route == null || target == null || !isHttp(target)) {
      return chain.filter(exchange);
    }
    ReactiveCircuitBreaker breaker =
        byRoute.computeIfAbsent(route.getId(), id -> breakers.create(id, GROUP));
    Mono<Void> call =
        chain.filter(exchange).then(Mono.defer(() -> failedUpstream(exchange, route.getId())));
    return breaker.run(call, failure -> answer(route.getId(), failure));
  }

  private static Mono<Void> failedUpstream(ServerWebExchange exchange, String routeId) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status != null && status.is5xxServerError()) {
      return Mono.error(new UpstreamServerError(routeId, status));
    }
    return Mono.empty();
  }

  private Mono<Void> answer(String routeId, Throwable failure) {
    if (failure instanceof UpstreamServerError) {
      // Counted as a failure; the upstream's own answer still goes to the caller.
      return Mono.empty();
    }
    if (failure instanceof CallNotPermittedException) {
      HttpHeaders headers = new HttpHeaders();
      headers.set(
          HttpHeaders.RETRY_AFTER,
          Long.toString(Math.max(1, settings.waitInOpenState().toSeconds())));
      return Mono.error(
          EdgeProblem.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "CIRCUIT_OPEN",
              "The service behind "
                  + routeId
                  + " is failing; the gateway is not calling it for now.",
              headers));
    }
    if (failure instanceof TimeoutException) {
      return Mono.error(
          EdgeProblem.of(
              HttpStatus.GATEWAY_TIMEOUT,
              "UPSTREAM_TIMEOUT",
              "The service behind " + routeId + " did not answer in time."));
    }
    if (failure instanceof org.springframework.web.ErrorResponse) {
      return Mono.error(failure);
    }
    log.warn("Upstream {} failed: {}", routeId, failure.toString());
    return Mono.error(
        EdgeProblem.of(
            HttpStatus.BAD_GATEWAY,
            "UPSTREAM_UNREACHABLE",
            "The service behind " + routeId + " could not be reached."));
  }

  private static boolean isHttp(URI uri) {
    return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  /** An upstream answered with a 5xx: a failure for its breaker. */
  static final class UpstreamServerError extends RuntimeException {
    UpstreamServerError(String routeId, HttpStatusCode status) {
      super(routeId + " answered " + status.value(), null, false, false);
    }
  }
}
