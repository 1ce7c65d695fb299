package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mandaat.core.Position;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Window;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.VersionedPosition;
import nl.mandaat.org.domain.Warning;
import reactor.core.publisher.Mono;

/** Records a new position, or changes one at the version the caller read (optimistic locking). */
public final class RecordPosition {

  /** A position as requested. */
  public record PositionDraft(
      String code,
      String name,
      String unitCode,
      String reportsTo,
      boolean singleHolder,
      boolean external,
      LocalDate validFrom,
      LocalDate validTo) {

    Position toPosition() {
      return new Position(
          code, name, unitCode, reportsTo, singleHolder, external, Window.of(validFrom, validTo));
    }
  }

  private final Organisation org;

  public RecordPosition(Organisation org) {
    this.org = org;
  }

  /** Records a new position. */
  public Mono<Recorded<VersionedPosition>> record(PositionDraft draft, String actor) {
    return org.write(apply(draft, actor));
  }

  /**
   * Replaces the position {@code draft.code()} when it is still at {@code expectedVersion}.
   *
   * @throws NotFound (as the Mono's error) when there is no such position
   * @throws ConcurrentChange (as the Mono's error) when someone changed it since
   */
  public Mono<Recorded<VersionedPosition>> change(
      PositionDraft draft, long expectedVersion, String actor) {
    return org.write(
        org.positions()
            .byCode(draft.code())
            .switchIfEmpty(Mono.error(() -> unknown(draft.code())))
            .flatMap(
                current ->
                    validate(draft, false)
                        .flatMap(
                            warnings -> {
                              Position position = draft.toPosition();
                              return org.positions()
                                  .update(position, expectedVersion)
                                  .flatMap(
                                      updated ->
                                          updated
                                              ? store(
                                                  position, expectedVersion + 1, warnings, actor)
                                              : Mono.error(
                                                  new ConcurrentChange(
                                                      "Position "
                                                          + draft.code()
                                                          + " is at version "
                                                          + current.version()
                                                          + ", not "
                                                          + expectedVersion
                                                          + ".")));
                            })));
  }

  Mono<Recorded<VersionedPosition>> apply(PositionDraft draft, String actor) {
    return validate(draft, true)
        .flatMap(
            warnings -> {
              Position position = draft.toPosition();
              return org.positions().insert(position).then(store(position, 0, warnings, actor));
            });
  }

  private Mono<Recorded<VersionedPosition>> store(
      Position position, long version, List<Warning> warnings, String actor) {
    return org.events()
        .append(Payloads.POSITION_RECORDED, actor, Payloads.of(position))
        .map(
            revision ->
                new Recorded<>(new VersionedPosition(position, version), revision, warnings));
  }

  private Mono<List<Warning>> validate(PositionDraft draft, boolean isNew) {
    Mono<Map<String, OrgUnit>> inForce =
        org.units()
            .inForceOn(draft.validFrom())
            .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    Mono<Boolean> taken =
        isNew ? org.positions().byCode(draft.code()).hasElement() : Mono.just(false);
    Mono<Boolean> reportsToKnown =
        draft.reportsTo() == null
            ? Mono.just(true)
            : org.positions().byCode(draft.reportsTo()).hasElement();
    Mono<List<OrgUnit>> unitWindows =
        draft.unitCode() == null
            ? Mono.just(List.of())
            : org.units().history(draft.unitCode()).collectList();
    return Mono.zip(inForce, taken, reportsToKnown, unitWindows)
        .flatMap(
            t -> {
              Map<String, OrgUnit> units = t.getT1();
              Verdict verdict =
                  OrganisationRules.all(
                      OrganisationRules.codeIsFree(draft.code(), t.getT2()),
                      OrganisationRules.windowIsValid(draft.validFrom(), draft.validTo()),
                      OrganisationRules.positionUnitIsKnown(draft.unitCode(), units),
                      draft.unitCode() == null
                          ? Verdict.accepted()
                          : OrganisationRules.positionWithinUnitLifetime(
                              draft.toPosition(), t.getT4()),
                      OrganisationRules.reportsToIsKnown(
                          draft.code(), draft.reportsTo(), t.getT3()));
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              return Mono.just(
                  OrganisationRules.teammanagerInLargeAfdeling(
                          draft.toPosition(), units.get(draft.unitCode()), units)
                      .stream()
                      .toList());
            });
  }

  static NotFound unknown(String code) {
    return new NotFound("UNKNOWN_POSITION", "Unknown position " + code + ".");
  }
}
