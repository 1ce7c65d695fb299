package nl.mandaat.mandate.application.port;

import java.time.Instant;
import nl.mandaat.mandate.domain.CommittedChange;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The register's event stream, as recorded in the outbox. */
public interface RegisterEvents extends Revisions {

  /**
   * Appends the next event, chained to the last one, within the caller's write transaction, and
   * notifies listeners when that commits.
   *
   * @param payload a mandate-core record (or a map), written as the event's JSON payload
   */
  Mono<RecordedEvent> append(String type, Instant recordedAt, String actor, Object payload);

  /**
   * The event that would follow {@code prevHash} as {@code sequence}: its payload written as
   * docs/events.md has it and its hash computed, not stored.
   */
  RecordedEvent next(
      long sequence,
      String prevHash,
      String type,
      Instant recordedAt,
      String actor,
      Object payload);

  /** The last event recorded; empty when none. */
  Mono<RecordedEvent> last();

  /** The events with a sequence above {@code after}, in order, their payloads read back. */
  Flux<CommittedChange> changesAfter(long after);

  /** The events with a sequence above {@code after}, in order. */
  Flux<RecordedEvent> after(long after);

  /** The revision of the register as it stood at {@code moment}, 0 when nothing was recorded. */
  Mono<Long> revisionAt(Instant moment);

  /** The revision of the register after the events up to {@code sequence}, 0 when none. */
  Mono<Long> revisionUpTo(long sequence);
}
