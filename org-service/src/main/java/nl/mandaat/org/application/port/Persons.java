package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.core.Person;
import nl.mandaat.org.domain.HeldPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The persons, by username (the token's {@code preferred_username}). */
public interface Persons {

  /** Every person, by username. */
  Flux<Person> all();

  /** The person with {@code username}, or empty. */
  Mono<Person> byUsername(String username);

  /** Stores a new person. */
  Mono<Void> insert(Person person);

  /** Stores new persons in a few statements (bulk import). */
  Mono<Void> insertAll(java.util.List<Person> persons);

  /**
   * The positions {@code username} holds on {@code date} through an assignment or a substitution,
   * both in force that day, by position code.
   */
  Flux<HeldPosition> positionsHeld(String username, LocalDate date);
}
