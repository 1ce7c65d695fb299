package nl.mandaat.mandate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.Revocation;
import nl.mandaat.core.Window;
import nl.mandaat.core.demo.DemoMunicipality;
import org.junit.jupiter.api.Test;

/** Which notice a grant is due, by the days left to its end (issue 5). */
class ExpiryNoticeTests {

  /** 09:00 in Amsterdam on 2027-03-01. */
  static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

  static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

  static final String ENDING = "G04-ending";

  /** The demo register plus a copy of grant 4 (a sub-mandate) that ends on {@code end}. */
  static Register withG04Ending(LocalDate end) {
    Register demo = DemoMunicipality.register();
    Grant g04 = demo.grants().get("G04-teammanager-omgeving");
    return demo.toBuilder()
        .grant(g04.toBuilder().id(ENDING).window(Window.of(g04.window().from(), end)).build())
        .build();
  }

  static ExpiryNotice onlyNotice(Register register) {
    assertThat(ExpiryNotice.due(register, NOW)).hasSize(1);
    return ExpiryNotice.due(register, NOW).get(0);
  }

  @Test
  void aGrantEndingInSixtyOneDaysIsNotYetDue() {
    assertThat(ExpiryNotice.due(withG04Ending(TODAY.plusDays(61)), NOW)).isEmpty();
  }

  @Test
  void aGrantEndingInSixtyDaysIsDueTheSixtyDayNotice() {
    ExpiryNotice notice = onlyNotice(withG04Ending(TODAY.plusDays(60)));

    assertThat(notice.notice()).isEqualTo(60);
    assertThat(notice.daysLeft()).isEqualTo(60);
    assertThat(notice.grantor()).isEqualTo("afdelingshoofd-vergunningen");
    assertThat(notice.holder()).isEqualTo("teammanager-omgeving");
    assertThat(notice.key()).isEqualTo(new ExpiryNotice.Key(ENDING, TODAY.plusDays(60), 60));
  }

  @Test
  void aGrantEndingInFifteenDaysIsStillInTheSixtyDayPeriod() {
    assertThat(onlyNotice(withG04Ending(TODAY.plusDays(15))).notice()).isEqualTo(60);
  }

  @Test
  void aGrantEndingInFourteenDaysIsDueOnlyTheFourteenDayNotice() {
    ExpiryNotice notice = onlyNotice(withG04Ending(TODAY.plusDays(14)));

    assertThat(notice.notice()).isEqualTo(14);
    assertThat(notice.daysLeft()).isEqualTo(14);
  }

  @Test
  void aGrantOnItsLastDayIsDueTheFourteenDayNotice() {
    assertThat(onlyNotice(withG04Ending(TODAY)).daysLeft()).isZero();
  }

  @Test
  void aGrantThatHasEndedIsNotDue() {
    assertThat(ExpiryNotice.due(withG04Ending(TODAY.minusDays(1)), NOW)).isEmpty();
  }

  @Test
  void aRevokedGrantIsNotDue() {
    Register revoked =
        withG04Ending(TODAY.plusDays(10)).toBuilder()
            .revocation(Revocation.of(ENDING, NOW.minusSeconds(60), "herinrichting", null))
            .build();

    assertThat(ExpiryNotice.due(revoked, NOW)).isEmpty();
  }

  @Test
  void theDaysAreCountedInTheRegistersZone() {
    // 23:30 UTC on 28 February is already 1 March in Amsterdam.
    Instant lateEvening = Instant.parse("2027-02-28T23:30:00Z");

    assertThat(ExpiryNotice.due(withG04Ending(TODAY.plusDays(14)), lateEvening).get(0).daysLeft())
        .isEqualTo(14);
  }
}
