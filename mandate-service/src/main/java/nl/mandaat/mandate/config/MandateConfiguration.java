package nl.mandaat.mandate.config;

import nl.mandaat.mandate.application.ReadRevision;
import nl.mandaat.mandate.application.port.RegisterEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MandateConfiguration {

  @Bean
  ReadRevision readRevision(RegisterEvents events) {
    return new ReadRevision(events);
  }
}
