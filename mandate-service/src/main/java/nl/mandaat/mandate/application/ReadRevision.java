package nl.mandaat.mandate.application;

import java.util.Objects;
import nl.mandaat.mandate.application.port.Revisions;
import reactor.core.publisher.Mono;

/**
 * Reads the register's current revision: the sequence of the last event that changed it, since
 * every write records exactly one event in the same transaction (ARCHITECTURE.md, "How data
 * flows"); an expiry notice is an event but no change.
 */
public final class ReadRevision {

  private final Revisions events;

  public ReadRevision(Revisions events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /** The current revision; 0 for an empty register. */
  public Mono<Long> current() {
    return events.revision().defaultIfEmpty(0L);
  }
}
