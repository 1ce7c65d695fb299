package nl.mandaat.org.application;

import java.util.concurrent.atomic.AtomicLong;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.StoredEvent;
import reactor.core.publisher.Flux;

/** The event stream from a sequence on: first the backlog, then each event as it commits. */
public final class FollowEvents {

  private static final long START = -1;

  private final Events events;

  public FollowEvents(Events events) {
    this.events = events;
  }

  /** Every event after {@code sequence}, in order, without end. */
  public Flux<StoredEvent> after(long sequence) {
    return Flux.defer(
        () -> {
          AtomicLong last = new AtomicLong(sequence);
          // Subscribed to the wake-ups before the backlog is read, so no commit slips between.
          return events
              .wakes()
              .onBackpressureLatest()
              .startWith(START)
              .concatMap(wake -> events.after(last.get()).doOnNext(e -> last.set(e.sequence())), 1);
        });
  }
}
