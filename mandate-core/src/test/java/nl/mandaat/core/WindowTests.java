package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Windows include both their first and their last day. */
class WindowTests {
  private static final LocalDate JAN_1 = LocalDate.of(2027, 1, 1);
  private static final LocalDate JAN_31 = LocalDate.of(2027, 1, 31);
  private static final Window JANUARY = Window.of(JAN_1, JAN_31);

  @Test
  void aWindowContainsItsFirstAndLastDayAndNothingOutside() {
    assertThat(JANUARY.contains(JAN_1)).isTrue();
    assertThat(JANUARY.contains(JAN_31)).isTrue();
    assertThat(JANUARY.contains(JAN_1.minusDays(1))).isFalse();
    assertThat(JANUARY.contains(JAN_31.plusDays(1))).isFalse();
    assertThat(Window.from(JAN_1).contains(LocalDate.of(9999, 12, 31))).isTrue();
  }

  @Test
  void anOpenWindowIsNotEnclosedByAClosedOne() {
    assertThat(JANUARY.encloses(JANUARY)).isTrue();
    assertThat(JANUARY.encloses(Window.from(JAN_1))).isFalse();
    assertThat(Window.from(JAN_1).encloses(JANUARY)).isTrue();
    assertThat(JANUARY.encloses(Window.of(JAN_1.minusDays(1), JAN_31))).isFalse();
  }

  @Test
  void windowsOverlapWhenTheyShareADay() {
    assertThat(JANUARY.overlaps(Window.of(JAN_31, JAN_31.plusDays(5)))).isTrue();
    assertThat(JANUARY.overlaps(Window.from(JAN_31.plusDays(1)))).isFalse();
    assertThat(Window.from(JAN_1).overlaps(Window.of(LocalDate.of(2026, 1, 1), JAN_1))).isTrue();
  }

  @Test
  void theIntersectionHoldsTheSharedDaysAndAnEmptyOneIsInvalid() {
    assertThat(JANUARY.intersect(Window.from(LocalDate.of(2027, 1, 15))))
        .isEqualTo(Window.of(LocalDate.of(2027, 1, 15), JAN_31));
    assertThat(JANUARY.intersect(Window.from(LocalDate.of(2027, 2, 1))).isValid()).isFalse();
    assertThat(Window.ALWAYS.intersect(JANUARY)).isEqualTo(JANUARY);
  }
}
