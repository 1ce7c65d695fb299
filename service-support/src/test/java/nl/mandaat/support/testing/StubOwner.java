package nl.mandaat.support.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.mandaat.core.EventChain;
import nl.mandaat.support.events.EventStream;
import nl.mandaat.support.events.LoggedEvent;
import nl.mandaat.support.events.PayloadJson;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for an event owner (org-service or mandate-service) that serves docs/events.md from
 * memory through the real {@link EventStream}: a snapshot at sequence 0 and the events appended
 * since, hash-chained. It can go down and come back on the same port.
 */
public final class StubOwner implements AutoCloseable {

  private final Map<String, Object> snapshot;
  private final List<LoggedEvent> events = new CopyOnWriteArrayList<>();
  private final Sinks.Many<Long> wakes = Sinks.many().multicast().directBestEffort();
  private final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private final Queue<Connection> connections = new ConcurrentLinkedQueue<>();
  private final EventStream stream;
  private volatile int port;
  private volatile DisposableServer server;
  private volatile boolean silent;

  private StubOwner(Map<String, ?> state, Duration heartbeat) {
    this.snapshot = new LinkedHashMap<>();
    this.snapshot.put("sequence", 0);
    this.snapshot.putAll(state);
    this.stream =
        new EventStream(
            after -> Flux.fromIterable(events).filter(e -> e.sequence() > after),
            wakes.asFlux(),
            Duration.ZERO,
            heartbeat);
  }

  /**
   * Starts serving {@code state} (the snapshot's arrays, e.g. {@code "grants" -> List<Grant>}) on
   * 127.0.0.1 with heartbeats every {@code heartbeat}.
   */
  public static StubOwner serving(Map<String, ?> state, Duration heartbeat) {
    StubOwner owner = new StubOwner(state, heartbeat);
    owner.bind(0);
    return owner;
  }

  /** The owner's base URI, e.g. {@code http://127.0.0.1:4711}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Commits an event with {@code payload} (a record or map) and answers its sequence. */
  public synchronized long append(String type, Object payload) {
    long sequence = events.size() + 1L;
    String prev = events.isEmpty() ? EventChain.GENESIS : events.get(events.size() - 1).hash();
    String recordedAt = EventChain.format(Instant.now());
    String json = PayloadJson.write(payload);
    events.add(
        new LoggedEvent(
            sequence,
            type,
            recordedAt,
            "stub",
            json,
            prev,
            EventChain.hash(prev, sequence, type, recordedAt, "stub", json)));
    wakes.tryEmitNext(sequence);
    return sequence;
  }

  /** The request URIs received (path and query), oldest first. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Stops answering: open streams are cut and new connections refused. */
  public void stop() {
    server.disposeNow();
    connections.forEach(Connection::dispose);
    connections.clear();
  }

  /** Answers again on the same port. */
  public void resume() {
    bind(port);
  }

  /**
   * Keeps connections open but stops sending anything, heartbeats included (a hung owner or a
   * half-open connection), until called with false.
   */
  public void silence(boolean silent) {
    this.silent = silent;
  }

  @Override
  public void close() {
    stop();
  }

  private void bind(int wanted) {
    RouterFunction<ServerResponse> routes =
        RouterFunctions.route()
            .GET(
                "/internal/v1/snapshot",
                request -> {
                  requests.add(request.uri().getRawPath());
                  return ServerResponse.ok()
                      .contentType(MediaType.APPLICATION_JSON)
                      .bodyValue(PayloadJson.write(snapshot));
                })
            .GET(
                "/internal/v1/events",
                request -> {
                  requests.add(request.uri().getRawPath() + "?" + request.uri().getRawQuery());
                  long after = Long.parseLong(request.queryParam("after").orElse("0"));
                  Flux<ServerSentEvent<String>> body = stream.after(after).filter(sse -> !silent);
                  return ServerResponse.ok()
                      .contentType(MediaType.TEXT_EVENT_STREAM)
                      .body(BodyInserters.fromServerSentEvents(body));
                })
            .build();
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(wanted)
            .doOnConnection(connections::add)
            .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
            .bindNow();
    port = server.port();
  }
}
