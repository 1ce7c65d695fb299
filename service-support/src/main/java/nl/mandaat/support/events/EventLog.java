package nl.mandaat.support.events;

import reactor.core.publisher.Flux;

/**
 * An owner's outbox as {@link EventStream} reads it (docs/events.md); each service implements it
 * over its own event table.
 */
@FunctionalInterface
public interface EventLog {

  /**
   * Every stored event with a sequence greater than {@code sequence}, in order; completes once the
   * events committed so far are read. Never null; safe to call concurrently.
   */
  Flux<LoggedEvent> after(long sequence);
}
