package nl.mandaat.org.application;

import java.util.List;
import nl.mandaat.core.Person;
import nl.mandaat.org.domain.OrganisationRules;
import reactor.core.publisher.Mono;

/** Records a person by username (the token's {@code preferred_username}). */
public final class RecordPerson {

  private final Organisation org;

  public RecordPerson(Organisation org) {
    this.org = org;
  }

  public Mono<Recorded<Person>> record(Person person, String actor) {
    return org.write(apply(person, actor));
  }

  Mono<Recorded<Person>> apply(Person person, String actor) {
    return org.persons()
        .byUsername(person.username())
        .hasElement()
        .flatMap(
            taken -> {
              var verdict = OrganisationRules.codeIsFree(person.username(), taken);
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              return org.persons()
                  .insert(person)
                  .then(org.events().append(Payloads.PERSON_RECORDED, actor, Payloads.of(person)))
                  .map(revision -> new Recorded<>(person, revision, List.of()));
            });
  }
}
