package nl.mandaat.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import nl.mandaat.core.demo.DemoMunicipality;

/** The demo municipality compiled once, and moments in its zone. */
public final class DemoFixtures {
  public static final Register REGISTER = DemoMunicipality.register();
  public static final RegisterSnapshot SNAPSHOT = RegisterSnapshot.of(REGISTER);
  public static final Instant MID_2026 = noon(2026, 6, 15);

  private DemoFixtures() {}

  /** Noon on that date in Europe/Amsterdam. */
  public static Instant noon(int year, int month, int day) {
    return ZonedDateTime.of(year, month, day, 12, 0, 0, 0, Register.DEFAULT_ZONE).toInstant();
  }

  /** The first moment of that date in Europe/Amsterdam. */
  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(Register.DEFAULT_ZONE).toInstant();
  }

  /** The last nanosecond of that date in Europe/Amsterdam. */
  public static Instant endOf(LocalDate date) {
    return startOf(date.plusDays(1)).minusNanos(1);
  }

  public static Question.Builder person(String username, String decisionType) {
    return Question.builder().person(username).decisionType(decisionType).at(MID_2026);
  }

  public static Question.Builder position(String code, String decisionType) {
    return Question.builder().position(code).decisionType(decisionType).at(MID_2026);
  }
}
