package nl.mandaat.org.domain;

import static nl.mandaat.org.domain.OrganisationFixtures.START;
import static nl.mandaat.org.domain.OrganisationFixtures.position;
import static nl.mandaat.org.domain.OrganisationFixtures.tree;
import static nl.mandaat.org.domain.OrganisationFixtures.unit;
import static nl.mandaat.org.domain.OrganisationFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Violation;
import org.junit.jupiter.api.Test;

class OrganisationRulesTests {

  private final Map<String, OrgUnit> units = tree();

  @Test
  void aUnitMovedBelowItsOwnTeamIsACycle() {
    assertThat(OrganisationRules.unitTreeHasNoCycle("stad", "omgeving", units).codes())
        .containsExactly(Violation.CYCLE);
  }

  @Test
  void aUnitMovedToAnotherBranchIsNoCycle() {
    assertThat(OrganisationRules.unitTreeHasNoCycle("omgeving", "klein", units).isAccepted())
        .isTrue();
  }

  @Test
  void aUnitUnderAnUnknownParentIsRefused() {
    assertThat(OrganisationRules.parentUnitIsKnown("nergens", units).codes())
        .containsExactly(Violation.UNKNOWN_ORG_UNIT);
  }

  @Test
  void theRootNeedsNoParent() {
    assertThat(OrganisationRules.parentUnitIsKnown(null, units).isAccepted()).isTrue();
  }

  @Test
  void aPositionWithoutAUnitIsRefused() {
    assertThat(OrganisationRules.positionUnitIsKnown(null, units).codes())
        .containsExactly(Violation.UNKNOWN_ORG_UNIT);
  }

  @Test
  void aPositionInAnUnknownUnitIsRefused() {
    assertThat(OrganisationRules.positionUnitIsKnown("nergens", units).codes())
        .containsExactly(Violation.UNKNOWN_ORG_UNIT);
  }

  @Test
  void aPositionReportingToItselfIsACycle() {
    assertThat(OrganisationRules.reportsToIsKnown("x", "x", true).codes())
        .containsExactly(Violation.CYCLE);
  }

  @Test
  void aPositionReportingToAnUnknownPositionIsRefused() {
    assertThat(OrganisationRules.reportsToIsKnown("x", "y", false).codes())
        .containsExactly(Violation.UNKNOWN_POSITION);
  }

  @Test
  void aWindowEndingTheDayItStartsIsValid() {
    assertThat(OrganisationRules.windowIsValid(START, START).isAccepted()).isTrue();
  }

  @Test
  void aWindowEndingTheDayBeforeItStartsIsInvalid() {
    assertThat(OrganisationRules.windowIsValid(START, START.minusDays(1)).codes())
        .containsExactly(Violation.INVALID_WINDOW);
  }

  @Test
  void aNewUnitWindowMustStartAfterEveryRecordedOne() {
    assertThat(
            OrganisationRules.unitWindowFollowsHistory("stad", START, List.of(units.get("stad")))
                .codes())
        .containsExactly(OrganisationRules.OVERLAPPING_UNIT_WINDOW);
    assertThat(
            OrganisationRules.unitWindowFollowsHistory(
                    "stad", START.plusDays(1), List.of(units.get("stad")))
                .isAccepted())
        .isTrue();
  }

  @Test
  void everyViolationOfSeveralRulesIsKept() {
    assertThat(
            OrganisationRules.all(
                    OrganisationRules.parentUnitIsKnown("nergens", units),
                    OrganisationRules.windowIsValid(START, START.minusDays(1)))
                .codes())
        .containsExactly(Violation.UNKNOWN_ORG_UNIT, Violation.INVALID_WINDOW);
  }

  @Test
  void aTeammanagerUnderAnAfdelingOf25WarnsSmallAfdeling() {
    assertThat(
            OrganisationRules.teammanagerInLargeAfdeling(
                position("teammanager-klein", "klein"), units.get("klein"), units))
        .map(Warning::code)
        .contains(Warning.SMALL_AFDELING);
  }

  @Test
  void aTeammanagerInATeamOfASmallAfdelingWarnsToo() {
    assertThat(
            OrganisationRules.teammanagerInLargeAfdeling(
                position("teammanager-klein-team", "klein-team"), units.get("klein-team"), units))
        .isPresent();
  }

  @Test
  void aTeammanagerUnderAnAfdelingOf26HasNoWarning() {
    assertThat(
            OrganisationRules.teammanagerInLargeAfdeling(
                position("teammanager-net-groot", "net-groot"), units.get("net-groot"), units))
        .isEmpty();
  }

  @Test
  void anotherPositionUnderASmallAfdelingHasNoWarning() {
    assertThat(
            OrganisationRules.teammanagerInLargeAfdeling(
                position("medewerker-klein", "klein"), units.get("klein"), units))
        .isEmpty();
  }

  @Test
  void aUnitOfTheFixtureIsInForceFromTheStart() {
    assertThat(unit("x", null, UnitKind.TEAM, 1).isInForceOn(START)).isTrue();
  }

  // ---- closing and moving: what lies below and above a unit's new window ----

  private static final LocalDate LAST_DAY = LocalDate.of(2030, 6, 30);

  private final OrgUnit closed = window("klein", "stad", START, LAST_DAY);

  @Test
  void closingAUnitWhoseTeamEndsTheSameDayIsAllowed() {
    assertThat(
            OrganisationRules.childUnitsEndWithUnit(
                    closed, List.of(window("klein-team", "klein", START, LAST_DAY)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void closingAUnitWhoseTeamEndsADayLaterIsRefused() {
    assertThat(
            OrganisationRules.childUnitsEndWithUnit(
                    closed, List.of(window("klein-team", "klein", START, LAST_DAY.plusDays(1))))
                .codes())
        .containsExactly(OrganisationRules.UNIT_HAS_OPEN_CHILDREN);
  }

  @Test
  void closingAUnitWithAnOpenEndedTeamOrOneStartingLaterIsRefusedNamingEach() {
    var verdict =
        OrganisationRules.childUnitsEndWithUnit(
            closed,
            List.of(
                window("klein-team", "klein", START, null),
                window("later-team", "klein", LAST_DAY.plusDays(10), LAST_DAY.plusDays(20))));
    assertThat(verdict.codes()).containsExactly(OrganisationRules.UNIT_HAS_OPEN_CHILDREN);
    assertThat(verdict.violations().get(0).field()).isEqualTo("validTo");
    assertThat(verdict.violations().get(0).messageEn())
        .contains("klein-team (open-ended)")
        .contains("later-team (until 2030-07-20)");
  }

  @Test
  void aTeamThatMovedAwayBeforeTheClosingIsNoLongerBelowIt() {
    assertThat(
            OrganisationRules.childUnitsEndWithUnit(
                    closed,
                    List.of(
                        window("klein-team", "klein", START, LAST_DAY.minusDays(1)),
                        window("klein-team", "stad", LAST_DAY, null)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aUnitWithoutEndHasNothingToOutlive() {
    assertThat(
            OrganisationRules.unitWindowKeepsTreeWhole(
                    window("klein", "stad", START, null),
                    List.of(window("klein-team", "klein", START, null)),
                    List.of(position("medewerker-klein", "klein")))
                .isAccepted())
        .isTrue();
  }

  @Test
  void closingAUnitWhosePositionEndsTheSameDayIsAllowed() {
    assertThat(
            OrganisationRules.positionsEndWithUnit(
                    closed, List.of(position("medewerker-klein", "klein", LAST_DAY)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void closingAUnitWhosePositionEndsADayLaterIsRefused() {
    assertThat(
            OrganisationRules.positionsEndWithUnit(
                    closed, List.of(position("medewerker-klein", "klein", LAST_DAY.plusDays(1))))
                .codes())
        .containsExactly(OrganisationRules.UNIT_HAS_OPEN_POSITIONS);
  }

  @Test
  void positionsOfOtherUnitsDoNotHoldAClosingBack() {
    assertThat(
            OrganisationRules.positionsEndWithUnit(
                    closed, List.of(position("medewerker-stad", "stad")))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aUnitMovedBelowAParentThatEndsTheSameDayIsAllowed() {
    assertThat(
            OrganisationRules.parentUnitOutlivesWindow(
                    window("klein", "project", START.plusDays(10), LAST_DAY),
                    List.of(window("project", "gemeente", START, LAST_DAY)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aUnitMovedBelowAParentThatEndsADayEarlierExceedsItsValidity() {
    var verdict =
        OrganisationRules.parentUnitOutlivesWindow(
            window("klein", "project", START.plusDays(10), null),
            List.of(window("project", "gemeente", START, LAST_DAY)));
    assertThat(verdict.codes()).containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(verdict.violations().get(0).messageEn()).contains("from 2030-07-01");
  }

  @Test
  void aParentWhoseWindowsFollowEachOtherCoversTheWindow() {
    assertThat(
            OrganisationRules.parentUnitOutlivesWindow(
                    window("klein", "project", START.plusDays(10), null),
                    List.of(
                        window("project", "gemeente", START, LAST_DAY),
                        window("project", "stad", LAST_DAY.plusDays(1), null)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aParentWithAGapLeavesTheUnitHangingOnTheDaysBetween() {
    assertThat(
            OrganisationRules.parentUnitOutlivesWindow(
                    window("klein", "project", START.plusDays(10), null),
                    List.of(
                        window("project", "gemeente", START, LAST_DAY),
                        window("project", "gemeente", LAST_DAY.plusDays(2), null)))
                .codes())
        .containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
  }

  @Test
  void aParentNotInForceOnTheFirstDayIsLeftToParentUnitIsKnown() {
    assertThat(
            OrganisationRules.parentUnitOutlivesWindow(
                    window("klein", "project", START, null),
                    List.of(window("project", "gemeente", START.plusDays(1), null)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aMoveThatBecomesACycleWhenAUnitAboveMovesLaterIsRefused() {
    // From 2031 klein hangs below project; project moves below klein from 2032.
    var verdict =
        OrganisationRules.unitTreeHasNoCycleDuring(
            window("klein", "project", LocalDate.of(2031, 1, 1), null),
            List.of(
                window("project", "gemeente", START, LocalDate.of(2031, 12, 31)),
                window("project", "klein", LocalDate.of(2032, 1, 1), null)));
    assertThat(verdict.codes()).containsExactly(Violation.CYCLE);
    assertThat(verdict.violations().get(0).messageEn()).contains("2032-01-01");
  }

  @Test
  void aMoveThatEndsBeforeTheUnitAboveMovesIsNoCycle() {
    assertThat(
            OrganisationRules.unitTreeHasNoCycleDuring(
                    window(
                        "klein", "project", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31)),
                    List.of(
                        window("project", "gemeente", START, LocalDate.of(2031, 12, 31)),
                        window("project", "klein", LocalDate.of(2032, 1, 1), null)))
                .isAccepted())
        .isTrue();
  }

  // ---- a position within its unit's lifetime, on every day of its window ----

  @Test
  void aPositionEndingOnItsUnitsLastDayIsWithinItsLifetime() {
    assertThat(
            OrganisationRules.positionWithinUnitLifetime(
                    position("medewerker-klein", "klein", LAST_DAY), List.of(closed))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aPositionEndingADayAfterItsUnitIsRefusedNamingTheUnitAndItsLastDay() {
    var verdict =
        OrganisationRules.positionWithinUnitLifetime(
            position("medewerker-klein", "klein", LAST_DAY.plusDays(1)), List.of(closed));
    assertThat(verdict.codes()).containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(verdict.violations().get(0).field()).isEqualTo("validTo");
    assertThat(verdict.violations().get(0).messageEn())
        .contains("Unit klein ends on 2030-06-30")
        .contains("position medewerker-klein runs until 2030-07-01");
  }

  @Test
  void anOpenEndedPositionInAUnitThatClosesIsRefused() {
    var verdict =
        OrganisationRules.positionWithinUnitLifetime(
            position("medewerker-klein", "klein"), List.of(closed));
    assertThat(verdict.codes()).containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(verdict.violations().get(0).messageEn())
        .contains("Unit klein ends on 2030-06-30")
        .contains("open-ended");
  }

  @Test
  void aUnitWhoseLaterWindowContinuesItKeepsAnOpenEndedPosition() {
    assertThat(
            OrganisationRules.positionWithinUnitLifetime(
                    position("medewerker-klein", "klein"),
                    List.of(closed, window("klein", "gemeente", LAST_DAY.plusDays(1), null)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aUnitWithAGapBetweenItsWindowsEndsOnTheDayBeforeTheGap() {
    var verdict =
        OrganisationRules.positionWithinUnitLifetime(
            position("medewerker-klein", "klein"),
            List.of(closed, window("klein", "stad", LAST_DAY.plusDays(2), null)));
    assertThat(verdict.codes()).containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(verdict.violations().get(0).messageEn()).contains("ends on 2030-06-30");
  }

  @Test
  void aPositionStartingWhenItsUnitIsNotInForceIsLeftToPositionUnitIsKnown() {
    assertThat(
            OrganisationRules.positionWithinUnitLifetime(
                    position("medewerker-klein", "klein"),
                    List.of(window("klein", "stad", START.plusDays(1), null)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void windowsOfOtherUnitsDoNotCountForAPosition() {
    assertThat(
            OrganisationRules.positionWithinUnitLifetime(
                    position("medewerker-klein", "klein"),
                    List.of(closed, window("stad", "gemeente", START, null)))
                .codes())
        .containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
  }
}
