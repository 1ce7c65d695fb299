package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.function.Function;
import nl.mandaat.org.application.port.Units;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.UnitKind;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
          null,
          380);
  private final OrgUnit ended =
      new OrgUnit(
          "oud",
          "Opgeheven afdeling",
          "stad",
          UnitKind.DEPARTMENT,
          LocalDate.of(2025, 1, 1),
          LocalDate.of(2025, 12, 31),
          10);

  @Test
  void onlyUnitsInForceOnTheDateAreListedEvenIfTheStoreIsLoose() {
    ListUnits listUnits = new ListUnits(inForceOn(date -> Flux.just(stad, ended)));

    listUnits.inForceOn(JUNE).as(StepVerifier::create).expectNext(stad).verifyComplete();
  }

  @Test
  void theStoreIsAskedForTheRequestedDate() {
    ListUnits listUnits =
        new ListUnits(
            inForceOn(
                date ->
                    date.equals(JUNE) ? Flux.just(stad) : Flux.error(new AssertionError(date))));

    listUnits.inForceOn(JUNE).as(StepVerifier::create).expectNext(stad).verifyComplete();
  }

  private static Units inForceOn(Function<LocalDate, Flux<OrgUnit>> answer) {
    return new Units() {
      @Override
      public Flux<OrgUnit> inForceOn(LocalDate date) {
        return answer.apply(date);
      }

      @Override
      public Flux<OrgUnit> history(String code) {
        return Flux.error(new AssertionError("not asked"));
      }

      @Override
      public Flux<OrgUnit> all() {
        return Flux.error(new AssertionError("not asked"));
      }

      @Override
      public Mono<Void> insert(OrgUnit unit) {
        return Mono.error(new AssertionError("not asked"));
      }

      @Override
      public Mono<Void> end(String code, LocalDate validFrom, LocalDate validTo) {
        return Mono.error(new AssertionError("not asked"));
      }

      @Override
      public Mono<Long> version(String code) {
        return Mono.error(new AssertionError("not asked"));
      }

      @Override
      public Mono<Boolean> advance(String code, long expectedVersion) {
        return Mono.error(new AssertionError("not asked"));
      }

      @Override
      public Mono<Void> replace(OrgUnit unit) {
        return Mono.error(new AssertionError("not asked"));
      }
    };
  }
}
