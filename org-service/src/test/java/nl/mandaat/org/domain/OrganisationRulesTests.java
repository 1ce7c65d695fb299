package nl.mandaat.org.domain;

import static nl.mandaat.org.domain.OrganisationFixtures.START;
import static nl.mandaat.org.domain.OrganisationFixtures.position;
import static nl.mandaat.org.domain.OrganisationFixtures.tree;
import static nl.mandaat.org.domain.OrganisationFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

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
}
