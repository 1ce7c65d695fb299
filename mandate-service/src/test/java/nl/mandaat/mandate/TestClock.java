package nl.mandaat.mandate;

import java.time.Instant;
import nl.mandaat.testsupport.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock replaced by a {@link MutableClock} at 2026-11-28T10:00:00Z: a test class that
 * sets the time {@code @Import}s this and autowires the clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  }
}
