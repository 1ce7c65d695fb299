package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mandaat.core.Verdict;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.UnitKind;
import nl.mandaat.org.domain.VersionedPosition;
import nl.mandaat.org.domain.VersionedUnit;
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

  /**
   * Changes unit {@code unit.code()} read at {@code expectedVersion}, effective-dated: from {@code
   * unit.validFrom()} on the unit stands as given. A {@code validFrom} after the start of the
   * latest window adds a window (the one in force the day before ends then, the past stays as it
   * was); a {@code validFrom} equal to it rewrites the latest window in place (a correction, or a
   * closing by {@code validTo}); an earlier one is refused ({@code OVERLAPPING_UNIT_WINDOW}).
   *
   * @throws NotFound (as the Mono's error) when the unit was never recorded
   * @throws RejectedChange (as the Mono's error) listing every broken rule
   * @throws ConcurrentChange (as the Mono's error) when someone changed the unit since
   */
  public Mono<Recorded<VersionedUnit>> change(NewUnit unit, long expectedVersion, String actor) {
    return org.write(
        org.units()
            .history(unit.code())
            .collectList()
            .flatMap(
                windows -> {
                  if (windows.isEmpty()) {
                    return Mono.error(
                        new NotFound(
                            "UNKNOWN_ORG_UNIT",
                            "Unknown organisational unit " + unit.code() + "."));
                  }
                  OrgUnit latest = windows.get(windows.size() - 1);
                  boolean inPlace = latest.validFrom().equals(unit.validFrom());
                  List<OrgUnit> before = inPlace ? windows.subList(0, windows.size() - 1) : windows;
                  return Mono.zip(
                          org.units()
                              .inForceOn(unit.validFrom())
                              .collect(Collectors.toMap(OrgUnit::code, Function.identity())),
                          keepsTreeWhole(unit))
                      .flatMap(
                          t -> {
                            Map<String, OrgUnit> units = t.getT1();
                            var verdict =
                                OrganisationRules.all(
                                    OrganisationRules.windowIsValid(
                                        unit.validFrom(), unit.validTo()),
                                    OrganisationRules.unitWindowFollowsHistory(
                                        unit.code(), unit.validFrom(), before),
                                    OrganisationRules.parentUnitIsKnown(unit.parentCode(), units),
                                    OrganisationRules.unitTreeHasNoCycle(
                                        unit.code(), unit.parentCode(), units),
                                    t.getT2());
                            if (!verdict.isAccepted()) {
                              return Mono.error(new RejectedChange(verdict));
                            }
                            return org.units()
                                .advance(unit.code(), expectedVersion)
                                .flatMap(
                                    advanced -> {
                                      if (!advanced) {
                                        return org.units()
                                            .version(unit.code())
                                            .flatMap(
                                                actual ->
                                                    Mono.error(
                                                        new ConcurrentChange(
                                                            "Unit "
                                                                + unit.code()
                                                                + " is at version "
                                                                + actual
                                                                + ", not "
                                                                + expectedVersion
                                                                + ".")));
                                      }
                                      Mono<Recorded<OrgUnit>> stored =
                                          inPlace
                                              ? replace(unit, actor)
                                              : store(unit, units.get(unit.code()), actor);
                                      return stored.map(
                                          r ->
                                              new Recorded<>(
                                                  new VersionedUnit(r.value(), expectedVersion + 1),
                                                  r.revision(),
                                                  r.warnings()));
                                    });
                          });
                }));
  }

  private Mono<Recorded<OrgUnit>> replace(NewUnit unit, String actor) {
    OrgUnit recorded = toUnit(unit);
    return org.units()
        .replace(recorded)
        .then(org.events().append(Payloads.UNIT_RECORDED, actor, Payloads.of(recorded)))
        .map(revision -> new Recorded<>(recorded, revision, List.of()));
  }

  private static OrgUnit toUnit(NewUnit unit) {
    return new OrgUnit(
        unit.code(),
        unit.name(),
        unit.parentCode(),
        unit.kind(),
        unit.validFrom(),
        unit.validTo(),
        unit.headcount());
  }

  Mono<Recorded<OrgUnit>> apply(NewUnit unit, String actor) {
    Mono<Map<String, OrgUnit>> inForce =
        org.units()
            .inForceOn(unit.validFrom())
            .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    Mono<List<OrgUnit>> history = org.units().history(unit.code()).collectList();
    return Mono.zip(inForce, history, keepsTreeWhole(unit))
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
                      OrganisationRules.unitTreeHasNoCycle(unit.code(), unit.parentCode(), units),
                      t.getT3());
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              // A new window through POST is a change of the unit too: PUTs read before fail.
              Mono<Boolean> advance =
                  windows.isEmpty()
                      ? Mono.just(true)
                      : org.units()
                          .version(unit.code())
                          .flatMap(v -> org.units().advance(unit.code(), v));
              return advance.then(store(unit, units.get(unit.code()), actor));
            });
  }

  /**
   * The rules for the days after the window's first: nothing below the unit outlives it, its parent
   * does, and no later window above it makes a cycle. Skipped for a window the rules of its first
   * day already refuse (an end before the start, the unit as its own parent).
   */
  private Mono<Verdict> keepsTreeWhole(NewUnit unit) {
    if (!OrganisationRules.windowIsValid(unit.validFrom(), unit.validTo()).isAccepted()
        || unit.code().equals(unit.parentCode())) {
      return Mono.just(Verdict.accepted());
    }
    return Mono.zip(
            org.units().all().collectList(),
            org.positions().inUnit(unit.code()).map(VersionedPosition::position).collectList())
        .map(t -> OrganisationRules.unitWindowKeepsTreeWhole(toUnit(unit), t.getT1(), t.getT2()));
  }

  /** Ends {@code previous} (if any) the day before {@code unit} starts, then adds {@code unit}. */
  private Mono<Recorded<OrgUnit>> store(NewUnit unit, OrgUnit previous, String actor) {
    OrgUnit recorded = toUnit(unit);
    Mono<Void> endPrevious = Mono.empty();
    if (previous != null) {
      OrgUnit ended = previous.endingOn(unit.validFrom().minusDays(1));
      endPrevious =
          org.units()
              .end(ended.code(), ended.validFrom(), ended.validTo())
              .then(org.events().append(Payloads.UNIT_RECORDED, actor, Payloads.of(ended)))
              .then();
    }
    return endPrevious
        .then(org.units().insert(recorded))
        .then(org.events().append(Payloads.UNIT_RECORDED, actor, Payloads.of(recorded)))
        .map(revision -> new Recorded<>(recorded, revision, List.of()));
  }
}
