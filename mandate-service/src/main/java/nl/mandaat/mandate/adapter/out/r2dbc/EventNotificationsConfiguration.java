package nl.mandaat.mandate.adapter.out.r2dbc;

import io.r2dbc.spi.ConnectionFactory;
import nl.mandaat.support.events.PostgresNotifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wakes the event streams: each append NOTIFYs {@link R2dbcRegisterEvents#CHANNEL} on commit. */
@Configuration(proxyBeanMethods = false)
class EventNotificationsConfiguration {

  @Bean
  PostgresNotifications eventNotifications(ConnectionFactory connections) {
    return new PostgresNotifications(connections, R2dbcRegisterEvents.CHANNEL);
  }
}
