package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.UnitKind;
import reactor.core.publisher.Mono;

/**
 * Records a unit or a new window of one (a new name, another parent): the window in force the day
 * before ends then, so the past stays as it was.
 */
public final class RecordUnit {

  /** A unit's new window as requested. */
  public record NewUnit(
      String code,
      String name,
      String parentCode,
      UnitKind kind,
      int headcount,
      LocalDate validFrom,
      LocalDate validTo) {}

  private final Organisation org;

  public RecordUnit(Organisation org) {
    this.org = org;
  }

  public Mono<Recorded<OrgUnit>> record(NewUnit unit, String actor) {
    return org.write(apply(unit, actor));
  }

  Mono<Recorded<OrgUnit>> apply(NewUnit unit, String actor) {
    Mono<Map<String, OrgUnit>> inForce =
        org.units()
            .inForceOn(unit.validFrom())
            .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    Mono<List<OrgUnit>> history = org.units().history(unit.code()).collectList();
    return Mono.zip(inForce, history)
        .flatMap(
            t -> {
              Map<String, OrgUnit> units = t.getT1();
              List<OrgUnit> windows = t.getT2();
              var verdict =
                  OrganisationRules.all(
                      OrganisationRules.windowIsValid(unit.validFrom(), unit.validTo()),
                      OrganisationRules.unitWindowFollowsHistory(
                          unit.code(), unit.validFrom(), windows),
                      OrganisationRules.parentUnitIsKnown(unit.parentCode(), units),
                      OrganisationRules.unitTreeHasNoCycle(unit.code(), unit.parentCode(), units));
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              OrgUnit recorded =
                  new OrgUnit(
                      unit.code(),
                      unit.name(),
                      unit.parentCode(),
                      unit.kind(),
                      unit.validFrom(),
                      unit.validTo(),
                      unit.headcount());
              Mono<Void> endPrevious = Mono.empty();
              OrgUnit previous = units.get(unit.code());
              if (previous != null) {
                OrgUnit ended = previous.endingOn(unit.validFrom().minusDays(1));
                endPrevious =
                    org.units()
                        .end(ended.code(), ended.validFrom(), ended.validTo())
                        .then(
                            org.events().append(Payloads.UNIT_RECORDED, actor, Payloads.of(ended)))
                        .then();
              }
              return endPrevious
                  .then(org.units().insert(recorded))
                  .then(org.events().append(Payloads.UNIT_RECORDED, actor, Payloads.of(recorded)))
                  .map(revision -> new Recorded<>(recorded, revision, List.of()));
            });
  }
}
