package nl.mandaat.gateway.config;

import java.time.Clock;
import java.time.Duration;
import nl.mandaat.gateway.adapter.out.r2dbc.R2dbcWebSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Browser login sessions live in PostgreSQL, not in one replica's memory: the load balancer may
 * send a browser's next request to any gateway replica (ARCHITECTURE.md, "Scale-out"). The cookie
 * stays WebFlux's {@code SESSION}; {@code server.reactive.session.timeout} (30 minutes) is how long
 * a session lives without a request.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

  @Bean
  R2dbcWebSessions webSessions(
      DatabaseClient database,
      @Value("${server.reactive.session.timeout:30m}") Duration timeout,
      Clock clock) {
    return new R2dbcWebSessions(database, timeout, clock);
  }
}
