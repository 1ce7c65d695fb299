package nl.mandaat.support.events;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * The event stream of docs/events.md over one {@link EventLog}: first the backlog after a sequence,
 * then each event as it commits, woken by {@code wakes} (typically {@link
 * PostgresNotifications#sequences()}), with a {@code : keep-alive} comment as heartbeat. Stateless
 * and thread-safe; a controller checks the caller and resolves {@code after} / {@code
 * Last-Event-ID}.
 */
public final class EventStream {

  /** The heartbeat interval docs/events.md promises. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final long START = -1;

  private final EventLog log;
  private final Flux<Long> wakes;
  private final Duration firstHeartbeat;
  private final Duration heartbeat;

  /**
   * @param log the outbox read on every wake-up
   * @param wakes hot signals that events may have committed: the committed sequence, or a negative
   *     number when unknown (a poll); never completes
   * @param firstHeartbeat delay of the first keep-alive ({@link Duration#ZERO} commits the response
   *     at once, so a consumer knows it is connected)
   * @param heartbeat interval of the keep-alives after the first
   */
  public EventStream(EventLog log, Flux<Long> wakes, Duration firstHeartbeat, Duration heartbeat) {
    this.log = Objects.requireNonNull(log, "log");
    this.wakes = Objects.requireNonNull(wakes, "wakes");
    this.firstHeartbeat = Objects.requireNonNull(firstHeartbeat, "firstHeartbeat");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
  }

  /** Every event after {@code sequence} as SSE messages, in order, then live; never completes. */
  public Flux<ServerSentEvent<String>> after(long sequence) {
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(firstHeartbeat, heartbeat)
            .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
    return Flux.merge(events(sequence).map(EventStream::message), heartbeats);
  }

  /** Every event after {@code sequence}, in order, without end. */
  public Flux<LoggedEvent> events(long sequence) {
    return Flux.defer(
        () -> {
          AtomicLong last = new AtomicLong(sequence);
          // Subscribed to the wake-ups before the backlog is read, so no commit slips between.
          return wakes
              .onBackpressureLatest()
              .startWith(START)
              .concatMap(
                  wake ->
                      wake >= 0 && wake <= last.get()
                          ? Flux.empty()
                          : log.after(last.get()).doOnNext(e -> last.set(e.sequence())),
                  1);
        });
  }

  /** One SSE message per event: {@code id} the sequence, {@code event} the type. */
  public static ServerSentEvent<String> message(LoggedEvent e) {
    return ServerSentEvent.builder(e.toJson())
        .id(Long.toString(e.sequence()))
        .event(e.type())
        .build();
  }
}
