package nl.mandaat.org.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrgUnitTests {

  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

  private static OrgUnit vergunningen(LocalDate validTo) {
    return new OrgUnit(
        "vergunningen", "Vergunningen", "stad", UnitKind.DEPARTMENT, FIRST_DAY, validTo, 60);
  }

  @Test
  void aUnitIsInForceOnItsFirstDay() {
    assertThat(vergunningen(LAST_DAY).isInForceOn(FIRST_DAY)).isTrue();
  }

  @Test
  void aUnitIsNotInForceTheDayBeforeItStarts() {
    assertThat(vergunningen(LAST_DAY).isInForceOn(FIRST_DAY.minusDays(1))).isFalse();
  }

  @Test
  void aUnitIsInForceOnItsLastDay() {
    assertThat(vergunningen(LAST_DAY).isInForceOn(LAST_DAY)).isTrue();
  }

  @Test
  void aUnitIsNotInForceTheDayAfterItEnds() {
    assertThat(vergunningen(LAST_DAY).isInForceOn(LAST_DAY.plusDays(1))).isFalse();
  }

  @Test
  void anOpenEndedUnitStaysInForce() {
    assertThat(vergunningen(null).isInForceOn(LocalDate.of(2099, 1, 1))).isTrue();
  }

  @Test
  void aUnitCannotEndBeforeItStarts() {
    assertThatIllegalArgumentException().isThrownBy(() -> vergunningen(FIRST_DAY.minusDays(1)));
  }

  @Test
  void aUnitCannotBeItsOwnParent() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new OrgUnit("stad", "Stad", "stad", UnitKind.DIRECTORATE, FIRST_DAY, null, 380));
  }
}
