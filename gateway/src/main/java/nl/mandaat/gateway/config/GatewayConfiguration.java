package nl.mandaat.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import nl.mandaat.gateway.adapter.in.gateway.RequirementEnforcement;
import nl.mandaat.gateway.adapter.in.gateway.RouteRequirements;
import nl.mandaat.gateway.adapter.out.r2dbc.R2dbcDecisionLog;
import nl.mandaat.gateway.adapter.out.replica.ReplicaRegisters;
import nl.mandaat.gateway.application.DecideAccess;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.replica.EventFeed;
import nl.mandaat.support.replica.RegisterReplica;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  RouteProperties.class,
  ReplicaProperties.class,
  DecisionLogProperties.class
})
class GatewayConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  RegisterReplica registerReplica(
      RouteProperties routes, ReplicaProperties replica, ServiceToken token) {
    return new RegisterReplica(
        EventFeed.of(
            "org-service",
            WebClient.builder(),
            replica.organisationUri() != null ? replica.organisationUri() : routes.orgUri(),
            token,
            replica.idleTimeout()),
        EventFeed.of(
            "mandate-service",
            WebClient.builder(),
            replica.registerUri() != null ? replica.registerUri() : routes.mandateUri(),
            token,
            replica.idleTimeout()),
        replica.staleness());
  }

  @Bean
  R2dbcDecisionLog decisionLog(
      DatabaseClient database, DecisionLogProperties properties, MeterRegistry meters) {
    return new R2dbcDecisionLog(database, properties.capacity(), properties.interval(), meters);
  }

  @Bean
  DecideAccess decideAccess(
      RegisterReplica replica,
      R2dbcDecisionLog log,
      ReplicaProperties properties,
      DecisionLogProperties logProperties,
      Clock clock) {
    return new DecideAccess(
        new ReplicaRegisters(replica),
        log,
        properties.maxWait(),
        logProperties.permitSampleRate(),
        clock);
  }

  @Bean
  RouteRequirements routeRequirements() {
    return new RouteRequirements();
  }

  @Bean
  RequirementEnforcement requirementEnforcement(
      RouteRequirements requirements, DecideAccess decide, Clock clock) {
    return new RequirementEnforcement(requirements, decide, clock);
  }

  /** A route that declares no requirement stops the start (issue 6). */
  @Bean
  SmartInitializingSingleton everyRouteDeclaresItsRequirement(RouteLocator routes) {
    return () ->
        RouteRequirements.verify(routes.getRoutes().collectList().block(Duration.ofSeconds(30)));
  }
}
