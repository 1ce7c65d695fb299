package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.core.Assignment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assignments of persons to positions. */
public interface Assignments {

  /** The assignments in force on {@code date}, by position and person. */
  Flux<Assignment> inForceOn(LocalDate date);

  /** Every assignment, by id. */
  Flux<Assignment> all();

  /** The assignment with {@code id}, or empty. */
  Mono<Assignment> byId(String id);

  /** Every assignment to {@code position}. */
  Flux<Assignment> ofPosition(String position);

  /** Stores a new assignment. */
  Mono<Void> insert(Assignment assignment);

  /** Stores new assignments in a few statements (bulk import). */
  Mono<Void> insertAll(java.util.List<Assignment> assignments);

  /** Sets the last day of the assignment {@code id}. */
  Mono<Void> end(String id, LocalDate validTo);
}
