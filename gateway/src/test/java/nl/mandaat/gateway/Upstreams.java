package nl.mandaat.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stand-ins for the services behind the gateway: each answers every request with JSON naming
 * itself, the path and the Authorization and Cookie headers it received, and remembers the paths. A
 * path containing {@code /slow} is answered after {@link #SLOW}; one containing {@code /fail} with
 * a 500; one containing {@code /ndjson} with two {@code application/x-ndjson} lines, {@link #SLOW}
 * apart.
 */
final class Upstreams {

  static final List<String> NAMES =
      List.of("org", "mandate", "decision", "reporting", "web", "subsidies");

  /** How long a {@code /slow} path takes. */
  static final Duration SLOW = Duration.ofSeconds(3);

  private final Map<String, DisposableServer> servers;
  private final Queue<String> received = new ConcurrentLinkedQueue<>();

  Upstreams() {
    this.servers = NAMES.stream().collect(Collectors.toUnmodifiableMap(name -> name, this::start));
  }

  private DisposableServer start(String name) {
    return HttpServer.create()
        .host("localhost")
        .port(0)
        .handle(
            (request, response) -> {
              received.add(request.uri());
              if (request.uri().contains("/ndjson")) {
                // A progress stream: one line now, the next one SLOW later.
                return response
                    .header("Content-Type", "application/x-ndjson")
                    .sendString(
                        Flux.concat(
                            Mono.just("{\"line\":1}\n"),
                            Mono.just("{\"line\":2}\n").delaySubscription(SLOW)))
                    .then();
              }
              String authorization = request.requestHeaders().get("Authorization", "");
              String cookie = request.requestHeaders().get("Cookie", "");
              String revision = request.requestHeaders().get("X-Register-Revision", "");
              Duration delay = request.uri().contains("/slow") ? SLOW : Duration.ZERO;
              return request
                  .receive()
                  .aggregate()
                  .asString()
                  .defaultIfEmpty("")
                  .delayElement(delay)
                  .flatMap(
                      received -> {
                        String body =
                            ("{\"service\":\"%s\",\"uri\":\"%s\",\"authorization\":\"%s\","
                                    + "\"cookie\":\"%s\",\"revision\":\"%s\",\"bodyLength\":%d}")
                                .formatted(
                                    name,
                                    request.uri(),
                                    authorization,
                                    cookie,
                                    revision,
                                    received.length());
                        return response
                            .status(request.uri().contains("/fail") ? 500 : 200)
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just(body))
                            .then();
                      });
            })
        .bindNow();
  }

  String uri(String name) {
    return "http://localhost:" + servers.get(name).port();
  }

  /** Every request URI any upstream received, oldest first. */
  List<String> received() {
    return List.copyOf(received);
  }

  void stop() {
    servers.values().forEach(DisposableServer::disposeNow);
  }
}
