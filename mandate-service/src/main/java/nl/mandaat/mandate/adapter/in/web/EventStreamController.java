package nl.mandaat.mandate.adapter.in.web;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.RecordedEvent;
import nl.mandaat.support.events.EventStream;
import nl.mandaat.support.events.LoggedEvent;
import nl.mandaat.support.events.PayloadJson;
import nl.mandaat.support.events.PostgresNotifications;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The register's change stream and snapshot for consumers inside the suite (docs/events.md). */
@RestController
@RequestMapping("/internal/v1")
class EventStreamController {

  record Snapshot(
      long sequence,
      List<DecisionType> decisionTypes,
      List<Grant> grants,
      List<Revocation> revocations) {}

  private final EventStream stream;
  private final LiveRegister register;
  private final OpenStreams open;

  EventStreamController(
      RegisterEvents events,
      PostgresNotifications notifications,
      LiveRegister register,
      OpenStreams open) {
    this.stream =
        new EventStream(
            sequence -> events.after(sequence).map(EventStreamController::logged),
            notifications.sequences(),
            // The first at once: it commits the response, so a consumer knows it is connected.
            Duration.ZERO,
            EventStream.HEARTBEAT);
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
    return stream.after(start).takeUntilOther(open.stopping());
  }

  /** The catalogue, grants and revocations, consistent at {@code sequence}. */
  @GetMapping(value = "/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
  String snapshot(Principal principal) {
    Callers.requireInternal(principal);
    Register current = register.current();
    // Written like the events' payloads, so a consumer maps both the same way.
    // At its revision, which a replica takes as its own: expiry notices after it come again on
    // events?after= and change nothing.
    return PayloadJson.write(
        new Snapshot(
            current.revision(),
            List.copyOf(current.decisionTypes().values()),
            List.copyOf(current.grants().values()),
            List.copyOf(current.revocations().values())));
  }

  private static LoggedEvent logged(RecordedEvent e) {
    return new LoggedEvent(
        e.sequence(),
        e.type(),
        EventChain.format(e.recordedAt()),
        e.actor(),
        e.payload(),
        e.prevHash(),
        e.hash());
  }
}
