package nl.mandaat.gateway.edge;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge: canonical paths, per-route breakers and time limits, the per-client rate limiter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration {

  @Bean
  CanonicalPathFilter canonicalPathFilter(RouteDefinitionLocator routes, EdgeProperties edge) {
    return new CanonicalPathFilter(routes, edge.canonicalPrefixes());
  }

  /** Every breaker the factory creates (one per route id) gets these settings. */
  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> upstreamBreakerDefaults(
      EdgeProperties edge) {
    EdgeProperties.Upstream upstream = edge.upstream();
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .failureRateThreshold(upstream.failureRateThreshold())
                            .slidingWindowSize(upstream.slidingWindowSize())
                            .minimumNumberOfCalls(upstream.minimumNumberOfCalls())
                            .waitDurationInOpenState(upstream.waitInOpenState())
                            .permittedNumberOfCallsInHalfOpenState(
                                upstream.permittedCallsInHalfOpenState())
                            .build())
                    .timeLimiterConfig(
                        TimeLimiterConfig.custom()
                            .timeoutDuration(upstream.timeoutOf(id))
                            .cancelRunningFuture(true)
                            .build())
                    .build());
  }

  @Bean
  UpstreamResilienceFilter upstreamResilienceFilter(
      ReactiveResilience4JCircuitBreakerFactory breakers, EdgeProperties edge) {
    return new UpstreamResilienceFilter(breakers, edge.upstream());
  }

  @Bean
  @ConditionalOnProperty(
      prefix = EdgeProperties.PREFIX,
      name = "rate-limit.enabled",
      matchIfMissing = true)
  ClientRateLimitFilter clientRateLimitFilter(EdgeProperties edge) {
    return new ClientRateLimitFilter(edge.rateLimit());
  }
}
