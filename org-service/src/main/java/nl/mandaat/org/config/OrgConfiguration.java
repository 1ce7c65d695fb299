package nl.mandaat.org.config;

import java.time.Clock;
import java.time.ZoneId;
import nl.mandaat.org.application.ListUnits;
import nl.mandaat.org.application.port.Units;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgConfiguration {

  /** Dates in the register are Dutch calendar dates. */
  static final ZoneId MUNICIPALITY_ZONE = ZoneId.of("Europe/Amsterdam");

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(MUNICIPALITY_ZONE);
  }

  @Bean
  ListUnits listUnits(Units units) {
    return new ListUnits(units);
  }
}
