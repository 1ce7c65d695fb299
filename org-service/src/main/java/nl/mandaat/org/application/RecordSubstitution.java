package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Mono;

/**
 * Records who stands in for a position from when to when (rule 19), with mandate-core's {@link
 * Validator}'s rules.
 */
public final class RecordSubstitution {

  private final Organisation org;

  public RecordSubstitution(Organisation org) {
    this.org = org;
  }

  public Mono<Recorded<Substitution>> record(Substitution substitution, String actor) {
    return org.write(apply(substitution, actor));
  }

  /**
   * Sets the last day of a substitution (both days included), e.g. when the absence ends early;
   * published as {@code SubstitutionEnded}.
   */
  public Mono<Recorded<Substitution>> end(String id, LocalDate validTo, String actor) {
    return Ending.end(
        org,
        id,
        validTo,
        actor,
        org.substitutions().byId(id),
        () -> new NotFound("UNKNOWN_SUBSTITUTION", "Unknown substitution " + id + "."),
        Substitution::window,
        (s, window) ->
            new Substitution(s.id(), s.substitute(), s.position(), window, s.recordedAt()),
        to -> org.substitutions().end(id, to),
        Payloads.SUBSTITUTION_ENDED);
  }

  Mono<Recorded<Substitution>> apply(Substitution substitution, String actor) {
    Mono<Optional<Person>> person =
        org.persons()
            .byUsername(substitution.substitute())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<Optional<VersionedPosition>> position =
        org.positions()
            .byCode(substitution.position())
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty());
    Mono<List<Assignment>> holders =
        org.assignments().ofPosition(substitution.position()).collectList();
    Mono<List<Substitution>> others =
        org.substitutions().ofPosition(substitution.position()).collectList();
    Mono<Boolean> taken = org.substitutions().byId(substitution.id()).hasElement();
    return Mono.zip(person, position, holders, others, taken)
        .flatMap(
            t -> {
              Register.Builder part = Register.builder();
              t.getT1().ifPresent(part::person);
              t.getT2().ifPresent(p -> part.position(p.position()));
              t.getT3().forEach(part::assignment);
              t.getT4().forEach(part::substitution);
              Verdict verdict =
                  OrganisationRules.all(
                      OrganisationRules.codeIsFree(substitution.id(), t.getT5()),
                      Validator.validate(
                          part.build(),
                          new RegisterChange.NewSubstitution(
                              substitution, Actor.administrator(actor))));
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              return org.substitutions()
                  .insert(substitution)
                  .then(
                      org.events()
                          .append(Payloads.SUBSTITUTION_RECORDED, actor, Payloads.of(substitution)))
                  .map(revision -> new Recorded<>(substitution, revision, List.of()));
            });
  }
}
