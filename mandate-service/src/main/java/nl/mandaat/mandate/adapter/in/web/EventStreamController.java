package nl.mandaat.mandate.adapter.in.web;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.adapter.json.PayloadJson;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.port.EventNotifications;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.RecordedEvent;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The register's change stream and snapshot for consumers inside the suite (docs/events.md). */
@RestController
@RequestMapping("/internal/v1")
class EventStreamController {

  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  record Snapshot(
      long sequence,
      List<DecisionType> decisionTypes,
      List<Grant> grants,
      List<Revocation> revocations) {}

  private final RegisterEvents events;
  private final EventNotifications notifications;
  private final LiveRegister register;
  private final OpenStreams open;

  EventStreamController(
      RegisterEvents events,
      EventNotifications notifications,
      LiveRegister register,
      OpenStreams open) {
    this.events = events;
    this.notifications = notifications;
    this.register = register;
    this.open = open;
  }

  /**
   * The backlog after {@code after} (or {@code Last-Event-ID}), then live events as they commit.
   */
  @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> events(
      @RequestParam(required = false) Long after,
      @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
      Principal principal) {
    Callers.requireInternal(principal);
    long start = after != null ? after : lastEventId != null ? lastEventId : 0L;
    AtomicLong last = new AtomicLong(start);
    // Subscribed before the backlog is read, so nothing committed meanwhile is missed.
    Flux<ServerSentEvent<String>> changes =
        Flux.concat(Mono.just(start), notifications.committed())
            .onBackpressureLatest()
            .concatMap(
                signal ->
                    signal <= last.get() && signal != start
                        ? Flux.empty()
                        : events.after(last.get()).doOnNext(e -> last.set(e.sequence())),
                1)
            .map(EventStreamController::message);
    Flux<ServerSentEvent<String>> heartbeats =
        // The first at once: it commits the response, so a consumer knows it is connected.
        Flux.interval(Duration.ZERO, HEARTBEAT)
            .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
    return Flux.merge(changes, heartbeats).takeUntilOther(open.stopping());
  }

  /** The catalogue, grants and revocations, consistent at {@code sequence}. */
  @GetMapping(value = "/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
  String snapshot(Principal principal) {
    Callers.requireInternal(principal);
    Register current = register.current();
    // Written like the events' payloads, so a consumer maps both the same way.
    return PayloadJson.write(
        new Snapshot(
            current.revision(),
            List.copyOf(current.decisionTypes().values()),
            List.copyOf(current.grants().values()),
            List.copyOf(current.revocations().values())));
  }

  static ServerSentEvent<String> message(RecordedEvent e) {
    String data =
        "{\"sequence\":"
            + e.sequence()
            + ",\"type\":"
            + PayloadJson.write(e.type())
            + ",\"recordedAt\":\""
            + EventChain.format(e.recordedAt())
            + "\",\"actor\":"
            + PayloadJson.write(e.actor())
            + ",\"revision\":"
            + e.sequence()
            + ",\"payload\":"
            + e.payload()
            + ",\"prevHash\":\""
            + e.prevHash()
            + "\",\"hash\":\""
            + e.hash()
            + "\"}";
    return ServerSentEvent.builder(data).id(Long.toString(e.sequence())).event(e.type()).build();
  }
}
