package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import nl.mandaat.support.events.PayloadJson;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The service token against a real OIDC server (test-support's issuer, which answers client
 * credentials), presented to a stand-in for an owner's stream that records what it receives.
 */
class ServiceTokenIntegrationTests {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }

  private final Sinks.Many<String> authorizations = Sinks.many().replay().all();
  private DisposableServer orgService;

  @BeforeEach
  void orgServiceStandIn() {
    orgService =
        HttpServer.create()
            .host("localhost")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/internal/v1/events",
                        (request, response) -> {
                          authorizations.tryEmitNext(
                              String.valueOf(request.requestHeaders().get("Authorization")));
                          return response
                              .header("Content-Type", "text/event-stream")
                              .sendString(
                                  Mono.just(
                                      "id: 1\nevent: BodyRecorded\ndata: {\"sequence\":1,"
                                          + "\"type\":\"BodyRecorded\",\"payload\":{\"code\":"
                                          + "\"college\",\"name\":\"College\",\"fullName\":"
                                          + "\"het college\"}}\n\n"));
                        }))
            .bindNow();
  }

  @AfterEach
  void stop() {
    orgService.disposeNow();
  }

  private URI tokenUri() {
    return URI.create(TestIssuer.issuerUri() + "/token");
  }

  private URI events() {
    return URI.create("http://localhost:" + orgService.port() + "/internal/v1/events");
  }

  private static JsonNode claims(String authorization) {
    assertThat(authorization).startsWith("Bearer ");
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    assertThat(parts).hasSize(3);
    return PayloadJson.tree(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  @Test
  void everyCallCarriesATokenOfTheServiceClientAndAValidOneIsReused() {
    ServiceToken token =
        ServiceToken.clientCredentials(
            WebClient.builder(),
            tokenUri(),
            "mandaat-internal",
            "secret",
            Duration.ofSeconds(60),
            Clock.systemUTC());
    WebClient client = WebClient.builder().filter(token.asFilter()).build();
    Mono<String> request = client.get().uri(events()).retrieve().bodyToMono(String.class);

    Flux.concat(request, request)
        .thenMany(authorizations.asFlux().take(2))
        .collectList()
        .timeout(Duration.ofSeconds(30))
        .as(StepVerifier::create)
        .assertNext(
            seen -> {
              JsonNode claims = claims(seen.get(0));
              assertThat(claims.get("iss").asString()).isEqualTo(TestIssuer.issuerUri());
              assertThat(claims.get("sub").asString()).isEqualTo("mandaat-internal");
              assertThat(seen.get(1)).as("a valid token is reused").isEqualTo(seen.get(0));
            })
        .verifyComplete();
  }

  @Test
  void withoutAClientNoTokenIsSent() {
    WebClient client = WebClient.builder().filter(ServiceToken.none().asFilter()).build();

    client
        .get()
        .uri(events())
        .retrieve()
        .bodyToMono(String.class)
        .thenMany(authorizations.asFlux().take(1))
        .as(StepVerifier::create)
        .expectNext("null")
        .verifyComplete();
  }

  @Test
  void aTokenIsReplacedOnceItIsWithinTheRefreshMarginOfItsExpiry() {
    MovableClock clock = new MovableClock();
    WebClient client =
        WebClient.builder()
            .filter(
                ServiceToken.clientCredentials(
                        WebClient.builder(),
                        tokenUri(),
                        "mandaat-internal",
                        "secret",
                        Duration.ofSeconds(60),
                        clock)
                    .asFilter())
            .build();
    Mono<String> request = client.get().uri(events()).retrieve().bodyToMono(String.class);
    // The issuer's tokens live an hour.
    Flux.concat(
            request,
            Mono.fromRunnable(() -> clock.advance(Duration.ofMinutes(50))).then(request),
            Mono.fromRunnable(() -> clock.advance(Duration.ofMinutes(9).plusSeconds(30)))
                .then(request))
        .thenMany(authorizations.asFlux().take(3))
        .collectList()
        .as(StepVerifier::create)
        .assertNext(
            seen -> {
              assertThat(seen.get(1)).as("50 minutes on: still valid").isEqualTo(seen.get(0));
              assertThat(seen.get(2)).as("30 s before expiry: replaced").isNotEqualTo(seen.get(1));
              assertThat(claims(seen.get(2)).get("sub").asString()).isEqualTo("mandaat-internal");
            })
        .verifyComplete();
  }
}
