package nl.mandaat.org.adapter.in.web;

import java.time.Duration;
import java.util.Map;
import nl.mandaat.org.application.TakeSnapshot;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.StoredEvent;
import nl.mandaat.support.events.EventStream;
import nl.mandaat.support.events.LoggedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox stream and the snapshot of docs/events.md, for callers inside the suite. */
@RestController
@RequestMapping("/internal/v1")
class EventStreamController {

  private final EventStream stream;
  private final TakeSnapshot takeSnapshot;

  EventStreamController(
      Events events,
      TakeSnapshot takeSnapshot,
      @Value("${mandaat.org.events.heartbeat:15s}") Duration heartbeat) {
    this.stream =
        new EventStream(
            sequence -> events.after(sequence).map(EventStreamController::logged),
            events.wakes(),
            heartbeat,
            heartbeat);
    this.takeSnapshot = takeSnapshot;
  }

  /**
   * Every event after {@code after} (or the SSE {@code Last-Event-ID}), then each new one as it
   * commits, with a {@code : keep-alive} comment every 15 s.
   */
  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> events(
      @RequestParam(required = false) Long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      ServerWebExchange exchange) {
    long from = start(after, lastEventId);
    return Access.requireAny(exchange, Access.REGISTER_BEHEER, Access.PDP_CLIENT)
        .flatMapMany(caller -> stream.after(from));
  }

  /** The whole organisation as payload arrays, consistent at {@code sequence}. */
  @GetMapping("/snapshot")
  Mono<Map<String, Object>> snapshot(ServerWebExchange exchange) {
    return Access.requireAny(exchange, Access.REGISTER_BEHEER, Access.PDP_CLIENT)
        .then(takeSnapshot.current());
  }

  private static long start(Long after, String lastEventId) {
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        return Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        throw Problems.badRequest("Last-Event-ID is not a sequence.");
      }
    }
    if (after != null && after < 0) {
      throw Problems.badRequest("after is not a sequence.");
    }
    return after == null ? 0 : after;
  }

  private static LoggedEvent logged(StoredEvent e) {
    return new LoggedEvent(
        e.sequence(), e.type(), e.recordedAt(), e.actor(), e.payload(), e.prevHash(), e.hash());
  }
}
