package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Mono;

/**
 * Records an assignment of a person to a position, or ends one. The rules are mandate-core's {@link
 * Validator}'s, checked against the part of the register they concern.
 */
public final class RecordAssignment {

  private final Organisation org;

  public RecordAssignment(Organisation org) {
    this.org = org;
  }

  public Mono<Recorded<Assignment>> record(Assignment assignment, String actor) {
    return org.write(apply(assignment, actor));
  }

  /** Sets the last day of an assignment (both days included). */
  public Mono<Recorded<Assignment>> end(String id, LocalDate validTo, String actor) {
    return Ending.end(
        org,
        id,
        validTo,
        actor,
        org.assignments().byId(id),
        () -> new NotFound("UNKNOWN_ASSIGNMENT", "Unknown assignment " + id + "."),
        Assignment::window,
        (a, window) -> new Assignment(a.id(), a.person(), a.position(), window, a.recordedAt()),
        to -> org.assignments().end(id, to),
        Payloads.ASSIGNMENT_ENDED);
  }

  Mono<Recorded<Assignment>> apply(Assignment assignment, String actor) {
    Mono<Optional<Person>> person =
        org.persons()
            .byUsername(assignment.person())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<Optional<VersionedPosition>> position =
        org.positions()
            .byCode(assignment.position())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<List<Assignment>> others =
        org.assignments().ofPosition(assignment.position()).collectList();
    Mono<Boolean> taken = org.assignments().byId(assignment.id()).hasElement();
    return Mono.zip(person, position, others, taken)
        .flatMap(
            t -> {
              Register.Builder part = Register.builder();
              t.getT1().ifPresent(part::person);
              t.getT2().ifPresent(p -> part.position(p.position()));
              t.getT3().forEach(part::assignment);
              Verdict verdict =
                  OrganisationRules.all(
                      OrganisationRules.codeIsFree(assignment.id(), t.getT4()),
                      Validator.validate(
                          part.build(),
                          new RegisterChange.NewAssignment(
                              assignment, Actor.administrator(actor))));
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              return org.assignments()
                  .insert(assignment)
                  .then(
                      org.events()
                          .append(Payloads.ASSIGNMENT_RECORDED, actor, Payloads.of(assignment)))
                  .map(revision -> new Recorded<>(assignment, revision, List.of()));
            });
  }
}
