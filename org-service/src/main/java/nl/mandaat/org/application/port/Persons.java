package nl.mandaat.org.application.port;

import nl.mandaat.core.Person;
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
}
