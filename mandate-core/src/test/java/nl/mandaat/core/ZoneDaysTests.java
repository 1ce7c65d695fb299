package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transition table gives the JDK's date for every moment, around every switch. */
class ZoneDaysTests {

  @Test
  void theTableAgreesWithTheJdkAroundEveryTransitionAndAtRandomMoments() {
    for (String zone :
        new String[] {
          "Europe/Amsterdam",
          "UTC",
          "America/St_Johns",
          "Asia/Kolkata",
          // Switches twice a year around Ramadan as well: several transitions a few weeks apart.
          "Africa/Casablanca",
          "Australia/Lord_Howe"
        }) {
      ZoneRules rules = ZoneId.of(zone).getRules();
      ZoneDays days = ZoneDays.of(rules);
      Random random = new Random(7);
      for (int i = 0; i < 20_000; i++) {
        Instant t = Instant.ofEpochSecond(random.nextLong() % 10_000_000_000L);
        assertThat(days.epochDay(t)).as("%s %s", zone, t).isEqualTo(ZoneDays.reference(rules, t));
      }
      Instant t = Instant.parse("1975-01-01T00:00:00Z");
      for (int i = 0; i < 400; i++) {
        var next = rules.nextTransition(t);
        if (next == null) {
          break;
        }
        for (long d : new long[] {-1, 0, 1}) {
          Instant m = next.getInstant().plusSeconds(d);
          assertThat(days.epochDay(m)).as("%s %s", zone, m).isEqualTo(ZoneDays.reference(rules, m));
        }
        t = next.getInstant();
      }
      // The first and last second of every 2^20-second bucket of the table, and its ends.
      for (long s = 0; s < 7_258_118_400L; s += 1L << 20) {
        for (Instant m : new Instant[] {Instant.ofEpochSecond(s), Instant.ofEpochSecond(s - 1)}) {
          assertThat(days.epochDay(m)).as("%s %s", zone, m).isEqualTo(ZoneDays.reference(rules, m));
        }
      }
      for (String m : new String[] {"2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z"}) {
        Instant end = Instant.parse(m);
        assertThat(days.epochDay(end))
            .as("%s %s", zone, m)
            .isEqualTo(ZoneDays.reference(rules, end));
      }
    }
  }

  @Test
  void midnightInAmsterdamIsTheNextDayAlreadyInSummerAndWinter() {
    ZoneDays days = ZoneDays.of(ZoneId.of("Europe/Amsterdam").getRules());
    assertThat(days.epochDay(Instant.parse("2026-07-01T22:00:00Z")))
        .isEqualTo(java.time.LocalDate.of(2026, 7, 2).toEpochDay());
    assertThat(days.epochDay(Instant.parse("2026-07-01T21:59:59Z")))
        .isEqualTo(java.time.LocalDate.of(2026, 7, 1).toEpochDay());
    assertThat(days.epochDay(Instant.parse("2026-12-31T23:00:00Z")))
        .isEqualTo(java.time.LocalDate.of(2027, 1, 1).toEpochDay());
  }
}
