package nl.mandaat.org.application;

import java.time.LocalDate;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Substitution;
import nl.mandaat.org.domain.HeldPosition;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the organisation as it stood, stands or will stand on a date. A single record that is not
 * there is a {@link NotFound} error.
 */
public final class ReadOrganisation {

  private final Organisation org;

  public ReadOrganisation(Organisation org) {
    this.org = org;
  }

  public Flux<AdministrativeBody> bodies() {
    return org.bodies().all();
  }

  public Mono<AdministrativeBody> body(String code) {
    return org.bodies()
        .byCode(code)
        .switchIfEmpty(
            Mono.error(() -> new NotFound("UNKNOWN_BODY", "Unknown body " + code + ".")));
  }

  /** The version of unit {@code code}, which a change names (optimistic locking); 0 if unknown. */
  public Mono<Long> unitVersion(String code) {
    return org.units().version(code).defaultIfEmpty(0L);
  }

  /** The window of unit {@code code} in force on {@code date}. */
  public Mono<OrgUnit> unit(String code, LocalDate date) {
    return org.units()
        .history(code)
        .filter(unit -> unit.isInForceOn(date))
        .next()
        .switchIfEmpty(
            Mono.error(
                () ->
                    new NotFound(
                        "UNKNOWN_ORG_UNIT", "No unit " + code + " is in force on " + date + ".")));
  }

  public Flux<VersionedPosition> positions(LocalDate date) {
    return org.positions().inForceOn(date);
  }

  public Mono<VersionedPosition> position(String code) {
    return org.positions()
        .byCode(code)
        .switchIfEmpty(Mono.error(() -> RecordPosition.unknown(code)));
  }

  public Flux<Person> persons() {
    return org.persons().all();
  }

  public Mono<Person> person(String username) {
    return org.persons()
        .byUsername(username)
        .switchIfEmpty(Mono.error(() -> unknownPerson(username)));
  }

  /**
   * The positions {@code username} holds on {@code date}, by assignment or substitution, from the
   * in-memory read model once it reflects at least {@code minRevision}.
   */
  public Flux<HeldPosition> positionsHeld(String username, LocalDate date, long minRevision) {
    return org.heldPositions()
        .positionsHeld(username, date, minRevision)
        .flatMapIterable(held -> held);
  }

  public Flux<Assignment> assignments(LocalDate date) {
    return org.assignments().inForceOn(date);
  }

  public Mono<Assignment> assignment(String id) {
    return org.assignments()
        .byId(id)
        .switchIfEmpty(
            Mono.error(() -> new NotFound("UNKNOWN_ASSIGNMENT", "Unknown assignment " + id + ".")));
  }

  public Flux<Substitution> substitutions(LocalDate date) {
    return org.substitutions().inForceOn(date);
  }

  public Mono<Substitution> substitution(String id) {
    return org.substitutions()
        .byId(id)
        .switchIfEmpty(
            Mono.error(
                () -> new NotFound("UNKNOWN_SUBSTITUTION", "Unknown substitution " + id + ".")));
  }

  private static NotFound unknownPerson(String username) {
    return new NotFound("UNKNOWN_PERSON", "Unknown person " + username + ".");
  }
}
