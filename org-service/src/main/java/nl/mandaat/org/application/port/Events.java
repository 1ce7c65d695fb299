package nl.mandaat.org.application.port;

import java.util.Map;
import nl.mandaat.org.domain.StoredEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox and its stream (docs/events.md). */
public interface Events {

  /**
   * Takes the stream's lock for the rest of the current transaction: writes are serialised, so that
   * what a change was validated against still stands when it is stored.
   */
  Mono<Void> lock();

  /**
   * Appends an event in the current transaction, with the next sequence and the chain's hash.
   *
   * @param payload field names of the mandate-core record, absent values left out
   * @return the event's sequence, which is also the register's new revision
   */
  Mono<Long> append(String type, String actor, Map<String, Object> payload);

  /** An event to append: its type and payload. */
  record NewEvent(String type, Map<String, Object> payload) {}

  /**
   * Appends many events in the current transaction, in order, as {@link #append} would one by one
   * but in a few statements (bulk import).
   *
   * @return the sequence of the last, or the current head when {@code events} is empty
   */
  Mono<Long> appendAll(String actor, java.util.List<NewEvent> events);

  /** The events after {@code sequence}, in order. */
  Flux<StoredEvent> after(long sequence);

  /** The sequence of the last event, 0 when there is none. */
  Mono<Long> head();

  /** A signal (the sequence, when known) each time events may have been committed. */
  Flux<Long> wakes();
}
