package nl.mandaat.org.application;

import java.time.Clock;
import java.util.Objects;
import nl.mandaat.org.application.port.Assignments;
import nl.mandaat.org.application.port.Bodies;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.application.port.Persons;
import nl.mandaat.org.application.port.Positions;
import nl.mandaat.org.application.port.Substitutions;
import nl.mandaat.org.application.port.Transactions;
import nl.mandaat.org.application.port.Units;

/**
 * The ports the use cases share, the clock that dates their changes, and the in-memory read model
 * every write catches up before it answers.
 */
public record Organisation(
    Bodies bodies,
    Units units,
    Positions positions,
    Persons persons,
    Assignments assignments,
    Substitutions substitutions,
    Events events,
    Transactions transactions,
    Clock clock,
    HeldPositionsView heldPositions) {

  public Organisation {
    Objects.requireNonNull(bodies, "bodies");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(positions, "positions");
    Objects.requireNonNull(persons, "persons");
    Objects.requireNonNull(assignments, "assignments");
    Objects.requireNonNull(substitutions, "substitutions");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(heldPositions, "heldPositions");
  }

  /**
   * Runs {@code work} as one serialised write transaction; once it has committed, this instance's
   * read model has applied it (read your own writes).
   */
  <T> reactor.core.publisher.Mono<T> write(reactor.core.publisher.Mono<T> work) {
    return transactions
        .write(events.lock().then(work))
        .flatMap(result -> heldPositions.catchUp().thenReturn(result));
  }
}
