package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.Objects;
import nl.mandaat.core.Register;
import nl.mandaat.org.domain.UnitKind;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a register's organisation (bodies, units, positions, persons, assignments, substitutions)
 * through the ordinary write path, with its events, in one transaction, but only into an empty
 * store: running it again changes nothing.
 */
public final class SeedOrganisation {

  private final Organisation org;
  private final RecordBody bodies;
  private final RecordUnit units;
  private final RecordPosition positions;
  private final RecordPerson persons;
  private final RecordAssignment assignments;
  private final RecordSubstitution substitutions;

  public SeedOrganisation(Organisation org) {
    this.org = Objects.requireNonNull(org, "org");
    this.bodies = new RecordBody(org);
    this.units = new RecordUnit(org);
    this.positions = new RecordPosition(org);
    this.persons = new RecordPerson(org);
    this.assignments = new RecordAssignment(org);
    this.substitutions = new RecordSubstitution(org);
  }

  /**
   * Seeds {@code register} with units in force from {@code validFrom}, recorded by {@code actor}.
   *
   * @return whether anything was written (false: the store was not empty)
   */
  public Mono<Boolean> seed(Register register, LocalDate validFrom, String actor) {
    return org.write(
        Mono.zip(org.events().head(), org.units().all().hasElements())
            .flatMap(
                t -> {
                  if (t.getT1() > 0 || t.getT2()) {
                    return Mono.just(false);
                  }
                  return Flux.fromIterable(register.bodies().values())
                      .concatMap(body -> bodies.apply(body, actor))
                      .thenMany(
                          Flux.fromIterable(register.units().values())
                              .concatMap(
                                  unit ->
                                      units.apply(
                                          new RecordUnit.NewUnit(
                                              unit.code(),
                                              unit.name(),
                                              unit.parentCode(),
                                              UnitKind.of(unit.kind()),
                                              unit.headcount(),
                                              validFrom,
                                              null),
                                          actor)))
                      .thenMany(
                          Flux.fromIterable(register.positions().values())
                              .concatMap(
                                  p ->
                                      positions.apply(
                                          new RecordPosition.PositionDraft(
                                              p.code(),
                                              p.name(),
                                              p.unitCode(),
                                              p.reportsTo(),
                                              p.singleHolder(),
                                              p.external(),
                                              p.lifetime().from(),
                                              p.lifetime().to()),
                                          actor)))
                      .thenMany(
                          Flux.fromIterable(register.persons().values())
                              .concatMap(person -> persons.apply(person, actor)))
                      .thenMany(
                          Flux.fromIterable(register.assignments())
                              .concatMap(a -> assignments.apply(a, actor)))
                      .thenMany(
                          Flux.fromIterable(register.substitutions())
                              .concatMap(s -> substitutions.apply(s, actor)))
                      .then(Mono.just(true));
                }));
  }
}
