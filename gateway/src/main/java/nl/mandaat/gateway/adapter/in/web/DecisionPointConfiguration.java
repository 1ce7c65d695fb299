package nl.mandaat.gateway.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.mandaat.gateway.application.DecideAccess;
import nl.mandaat.gateway.edge.ClientRateLimitFilter;
import nl.mandaat.support.KeycloakJwtAuthenticationConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The decision point, and the lane that serves its bearer-token requests from Reactor Netty. */
@Configuration(proxyBeanMethods = false)
class DecisionPointConfiguration {

  @Bean
  DecisionPoint decisionPoint(DecideAccess decide, Clock clock) {
    return new DecisionPoint(decide, clock);
  }

  /** On unless {@code mandaat.decision-point.lane.enabled=false}, which leaves all to WebFlux. */
  @Bean
  @ConditionalOnProperty(
      prefix = "mandaat.decision-point.lane",
      name = "enabled",
      matchIfMissing = true)
  DecisionPointLane decisionPointLane(
      ObjectProvider<DecisionPoint> point,
      ObjectProvider<ReactiveJwtDecoder> tokens,
      ObjectProvider<ClientRateLimitFilter> rateLimit,
      ObjectProvider<MeterRegistry> meters) {
    return new DecisionPointLane(
        () ->
            new DecisionPointLane.Parts(
                point.getObject(),
                tokens.getObject(),
                new KeycloakJwtAuthenticationConverter(),
                rateLimit.getIfAvailable(),
                meters.getObject()));
  }
}
