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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
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

  /**
   * {@code /actuator/health} shows where the replica stands; DOWN while it answers nothing. Not
   * part of readiness: public and token-only routes work without the register.
   */
  @Bean
  HealthIndicator registerReplicaHealth(RegisterReplica replica) {
    return () -> {
      RegisterReplica.Status status = replica.status();
      Health.Builder health = status.fresh() ? Health.up() : Health.down();
      health
          .withDetail("revision", status.revision())
          .withDetail("organisationSequence", status.organisationSequence())
          .withDetail("organisationStream", status.organisationConnected() ? "connected" : "down")
          .withDetail("registerStream", status.registerConnected() ? "connected" : "down");
      if (status.failure() != null) {
        health.withDetail("failure", status.failure());
      }
      return health.build();
    };
  }

  /** A route that declares no requirement stops the start (issue 6). */
  @Bean
  SmartInitializingSingleton everyRouteDeclaresItsRequirement(RouteLocator routes) {
    return () ->
        RouteRequirements.verify(routes.getRoutes().collectList().block(Duration.ofSeconds(30)));
  }
}
