package nl.mandaat.gateway.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway guards its edge ({@code mandaat.edge.*}, docs/suite.md).
 *
 * @param canonicalPrefixes prefixes spelled one way only, besides every route's own ({@link
 *     CanonicalPathFilter})
 * @param upstream timeouts and circuit breakers per upstream route ({@link
 *     UpstreamResilienceFilter})
 * @param rateLimit the per-client rate limiter ({@link ClientRateLimitFilter})
 */
@ConfigurationProperties(EdgeProperties.PREFIX)
@Validated
public record EdgeProperties(
    @DefaultValue({
          "/api",
          "/access",
          "/console",
          "/actuator",
          "/internal",
          "/.well-known",
          "/oauth2",
          "/login",
          "/logout"
        })
        List<String> canonicalPrefixes,
    @DefaultValue @Valid Upstream upstream,
    @DefaultValue @Valid RateLimit rateLimit) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.edge";

  /**
   * Each upstream route gets its own circuit breaker (named after the route id) and time limit.
   *
   * @param timeout how long the gateway waits for an upstream's response headers before answering
   *     504 {@code UPSTREAM_TIMEOUT}
   * @param routeTimeouts a different timeout for some route ids
   * @param failureRateThreshold percentage of failed calls (5xx, timeout, no connection) in the
   *     window that opens the breaker
   * @param slidingWindowSize how many recent calls the failure rate is taken over
   * @param minimumNumberOfCalls calls needed in the window before the rate counts
   * @param waitInOpenState how long an open breaker answers 503 {@code CIRCUIT_OPEN} before letting
   *     trial calls through
   * @param permittedCallsInHalfOpenState trial calls that decide whether the breaker closes again
   */
  public record Upstream(
      @DefaultValue("10s") @NotNull Duration timeout,
      @DefaultValue Map<String, Duration> routeTimeouts,
      @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
      @DefaultValue("20") @Min(1) int slidingWindowSize,
      @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
      @DefaultValue("30s") @NotNull Duration waitInOpenState,
      @DefaultValue("3") @Min(1) int permittedCallsInHalfOpenState) {

    /** The timeout for {@code routeId}. */
    public Duration timeoutOf(String routeId) {
      return routeTimeouts.getOrDefault(routeId, timeout);
    }
  }

  /**
   * A Resilience4j rate limiter per client and person: {@code limitForPeriod} requests every {@code
   * refreshPeriod}; one more is a 429 {@code RATE_LIMITED} with {@code Retry-After}.
   *
   * @param enabled false turns the limiter off
   * @param limitForPeriod requests allowed per period and key
   * @param refreshPeriod the period
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("200") @Min(1) int limitForPeriod,
      @DefaultValue("1s") @NotNull Duration refreshPeriod) {}
}
