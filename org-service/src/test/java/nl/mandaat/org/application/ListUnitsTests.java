package nl.mandaat.org.application;

import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.UnitKind;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ListUnitsTests {

  private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

  private final OrgUnit stad =
      new OrgUnit(
          "stad",
          "Directie Stad",
          "gemeente",
          UnitKind.DIRECTORATE,
          LocalDate.of(2026, 1, 1),
          null);
  private final OrgUnit ended =
      new OrgUnit(
          "oud",
          "Opgeheven afdeling",
          "stad",
          UnitKind.DEPARTMENT,
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 12, 31));

  @Test
  void onlyUnitsInForceOnTheDateAreListedEvenIfTheStoreIsLoose() {
    ListUnits listUnits = new ListUnits(date -> Flux.just(stad, ended));

    listUnits.inForceOn(JUNE).as(StepVerifier::create).expectNext(stad).verifyComplete();
  }

  @Test
  void theStoreIsAskedForTheRequestedDate() {
    ListUnits listUnits =
        new ListUnits(
            date -> date.equals(JUNE) ? Flux.just(stad) : Flux.error(new AssertionError(date)));

    listUnits.inForceOn(JUNE).as(StepVerifier::create).expectNext(stad).verifyComplete();
  }
}
