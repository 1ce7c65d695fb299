package nl.mandaat.support.replica;

import io.github.resilience4j.core.IntervalFunction;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.events.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Follows one owner's event stream as docs/events.md describes it: first {@code
 * /internal/v1/snapshot}, then {@code /internal/v1/events?after=} the snapshot's sequence, backlog
 * then live. A broken, silent (no heartbeat within the idle timeout) or gapped stream is dropped
 * and resumed after the last sequence delivered, with exponential backoff and jitter.
 *
 * <p>Thread-safe. Items are delivered one at a time, in order, from I/O threads.
 */
public final class EventFeed implements AutoCloseable {

  /** What the feed delivers: the owner's snapshot, then its events in order. */
  public sealed interface Item permits Snapshot, Event {
    /** The owner's sequence this item brings the consumer to. */
    long sequence();
  }

  /** The owner's whole state at {@code sequence}. */
  public record Snapshot(long sequence, JsonNode body) implements Item {}

  /** One event: its gap-free sequence, type and payload. */
  public record Event(long sequence, String type, JsonNode payload) implements Item {}

  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};
  private static final IntervalFunction BACKOFF =
      IntervalFunction.ofExponentialRandomBackoff(
          Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(10));
  private static final long NONE = -1;

  private final String name;
  private final WebClient client;
  private final URI snapshotUri;
  private final URI eventsUri;
  private final ServiceToken token;
  private final Duration idleTimeout;
  private final AtomicLong delivered = new AtomicLong(NONE);
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private volatile long lastHeardNanos;
  private volatile boolean heard;
  private volatile boolean connected;
  private volatile Disposable subscription;

  private EventFeed(
      String name, WebClient client, URI base, ServiceToken token, Duration idleTimeout) {
    this.name = Objects.requireNonNull(name, "name");
    this.client = client;
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    this.snapshotUri = URI.create(root + "internal/v1/snapshot");
    this.eventsUri = URI.create(root + "internal/v1/events");
    this.token = Objects.requireNonNull(token, "token");
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
  }

  /**
   * A feed of the service at {@code base} (e.g. {@code http://localhost:8081}).
   *
   * @param name for logs and status, e.g. {@code org-service}
   * @param idleTimeout how long the stream may stay silent (heartbeats are due every 15 s) before
   *     it is dropped and resumed
   */
  public static EventFeed of(
      String name, WebClient.Builder web, URI base, ServiceToken token, Duration idleTimeout) {
    return new EventFeed(name, web.build(), base, token, idleTimeout);
  }

  /** The name given at construction. */
  public String name() {
    return name;
  }

  /** Starts following; {@code consumer} gets every item in order. Call once. */
  public synchronized void start(Consumer<Item> consumer) {
    if (subscription != null) {
      throw new IllegalStateException(name + " feed already started");
    }
    subscription =
        Flux.defer(this::session)
            .doOnNext(consumer)
            .concatWith(Flux.error(new IllegalStateException("the stream ended")))
            .doOnError(this::dropped)
            .retryWhen(
                Retry.from(
                    signals ->
                        signals.concatMap(
                            s ->
                                Mono.delay(
                                    Duration.ofMillis(
                                        BACKOFF.apply(
                                            (int) Math.min(s.totalRetriesInARow() + 1, 30)))))))
            .subscribe();
  }

  /**
   * Whether the stream has been heard from (the snapshot, an event or a heartbeat) within {@code
   * window}, connected now or not: a dropped connection being resumed does not make what was heard
   * a moment ago wrong.
   */
  public boolean heardWithin(Duration window) {
    return heard && System.nanoTime() - lastHeardNanos <= window.toNanos();
  }

  /** Whether the stream is connected now. */
  public boolean connected() {
    return connected;
  }

  /** The sequence of the last item delivered, -1 before the snapshot. */
  public long sequence() {
    return delivered.get();
  }

  @Override
  public synchronized void close() {
    if (subscription != null) {
      subscription.dispose();
    }
    connected = false;
  }

  private Flux<Item> session() {
    return token
        .bearer()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMapMany(
            bearer -> {
              Flux<Item> snapshot =
                  delivered.get() != NONE
                      ? Flux.empty()
                      : get(snapshotUri, bearer, MediaType.APPLICATION_JSON)
                          .bodyToMono(String.class)
                          .<Item>map(EventFeed::snapshot)
                          .doOnNext(this::alive)
                          .flux();
              Flux<Item> events =
                  Flux.defer(
                      () ->
                          get(
                                  URI.create(eventsUri + "?after=" + delivered.get()),
                                  bearer,
                                  MediaType.TEXT_EVENT_STREAM)
                              .bodyToFlux(SSE)
                              .timeout(idleTimeout)
                              .doOnNext(this::alive)
                              .filter(sse -> sse.data() != null)
                              .<Item>map(EventFeed::event)
                              .filter(e -> e.sequence() > delivered.get()));
              return snapshot.concatWith(events).doOnNext(this::inOrder);
            });
  }

  private WebClient.ResponseSpec get(URI uri, Optional<String> bearer, MediaType accept) {
    return client
        .get()
        .uri(uri)
        .accept(accept)
        .headers(h -> bearer.ifPresent(h::setBearerAuth))
        .retrieve();
  }

  private void inOrder(Item item) {
    long last = delivered.get();
    if (item instanceof Event && item.sequence() != last + 1) {
      throw new IllegalStateException(
          "sequence " + item.sequence() + " follows " + last + ": a gap in the stream");
    }
    delivered.set(item.sequence());
  }

  private void alive(Object item) {
    if (!connected) {
      log.info("{} stream connected, after sequence {}", name, delivered.get());
    }
    lastHeardNanos = System.nanoTime();
    failuresInARow.set(0);
    heard = true;
    connected = true;
  }

  private void dropped(Throwable e) {
    failuresInARow.incrementAndGet();
    if (connected) {
      log.warn(
          "{} stream dropped after sequence {}: {}; resuming", name, delivered.get(), e.toString());
    } else if (Integer.bitCount(failuresInARow.get()) == 1) {
      // The 1st, 2nd, 4th, 8th ... failure in a row: a stream that never comes is seen, not
      // flooded.
      log.warn(
          "{} stream unavailable ({} attempts in a row): {}",
          name,
          failuresInARow.get(),
          e.toString());
    } else {
      log.debug("{} stream unavailable: {}", name, e.toString());
    }
    connected = false;
  }

  private static Snapshot snapshot(String text) {
    JsonNode body = PayloadJson.tree(text);
    if (!body.path("sequence").canConvertToLong()) {
      throw new IllegalStateException("a snapshot without a sequence");
    }
    return new Snapshot(body.get("sequence").asLong(), body);
  }

  private static Event event(ServerSentEvent<String> sse) {
    JsonNode event = PayloadJson.tree(sse.data());
    String type = sse.event() != null ? sse.event() : event.path("type").asString();
    return new Event(event.path("sequence").asLong(), type, event.path("payload"));
  }
}
