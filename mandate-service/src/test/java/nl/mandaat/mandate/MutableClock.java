package nl.mandaat.mandate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock a test sets, so that a write happens at the moment the test needs. */
public final class MutableClock extends Clock {

  /**
   * The service's clock replaced by a {@link MutableClock} at 2026-11-28T10:00:00Z: a test class
   * that sets the time {@code @Import}s this and autowires the clock.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    }
  }

  private volatile Instant now;

  public MutableClock(Instant now) {
    this.now = now;
  }

  public void set(Instant moment) {
    this.now = moment;
  }

  public void set(String moment) {
    set(Instant.parse(moment));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
