package nl.mandaat.mandate.application.port;

import reactor.core.publisher.Flux;

/** Wakes stream readers when events commit (PostgreSQL LISTEN/NOTIFY). */
public interface EventNotifications {

  /** A signal per committed write, carrying its sequence; hot, never completes. */
  Flux<Long> committed();
}
