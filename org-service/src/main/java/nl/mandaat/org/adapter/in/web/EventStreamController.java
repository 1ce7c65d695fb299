package nl.mandaat.org.adapter.in.web;

import java.time.Duration;
import java.util.Map;
import nl.mandaat.org.application.FollowEvents;
import nl.mandaat.org.application.TakeSnapshot;
import nl.mandaat.org.domain.StoredEvent;
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
import tools.jackson.databind.json.JsonMapper;

/** The outbox stream and the snapshot of docs/events.md, for callers inside the suite. */
@RestController
@RequestMapping("/internal/v1")
class EventStreamController {

  private final FollowEvents followEvents;
  private final TakeSnapshot takeSnapshot;
  private final JsonMapper json;
  private final Duration heartbeat;

  EventStreamController(
      FollowEvents followEvents,
      TakeSnapshot takeSnapshot,
      JsonMapper json,
      @Value("${mandaat.org.events.heartbeat:15s}") Duration heartbeat) {
    this.followEvents = followEvents;
    this.takeSnapshot = takeSnapshot;
    this.json = json;
    this.heartbeat = heartbeat;
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
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(heartbeat, heartbeat)
            .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
    return Access.requireAny(exchange, Access.REGISTER_BEHEER, Access.PDP_CLIENT)
        .flatMapMany(caller -> Flux.merge(followEvents.after(from).map(this::message), heartbeats));
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

  private ServerSentEvent<String> message(StoredEvent e) {
    // The payload goes in as the exact text the hash covers.
    String data =
        "{\"sequence\":"
            + e.sequence()
            + ",\"type\":"
            + json.writeValueAsString(e.type())
            + ",\"recordedAt\":"
            + json.writeValueAsString(e.recordedAt())
            + ",\"actor\":"
            + json.writeValueAsString(e.actor())
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
