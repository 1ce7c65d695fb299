package nl.mandaat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway started while the issuer's keys cannot be fetched: alive but not ready, every token
 * answered 503 {@code ISSUER_UNAVAILABLE} (never a pass), and ready with tokens accepted once the
 * keys appear, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IssuerKeysIntegrationTests {

  private static final Upstreams UPSTREAMS = new Upstreams();
  private static final int KEYS_PORT = freePort();
  private static DisposableServer keys;

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
    registry.add("mandaat.security.jwk-set-uri", () -> "http://localhost:" + KEYS_PORT + "/certs");
    for (String name : Upstreams.NAMES) {
      registry.add("mandaat.routes." + name + "-uri", () -> UPSTREAMS.uri(name));
    }
  }

  @AfterAll
  static void stop() {
    UPSTREAMS.stop();
    if (keys != null) {
      keys.disposeNow();
    }
  }

  @Autowired WebTestClient web;

  @Test
  void withoutTheIssuersKeysNoTokenPassesAndOnceTheyAppearTheGatewayIsReady() throws Exception {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    String token = TestIssuer.token("tm-omgeving", "medewerker");

    web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("OUT_OF_SERVICE");
    web.get()
        .uri("/api/v1/org/units?keys=missing")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("ISSUER_UNAVAILABLE");
    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith("keys=missing"));

    keys = serveTheIssuersKeys();

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int readiness = 0;
    while (System.nanoTime() < deadline && readiness != 200) {
      Thread.sleep(250);
      readiness =
          web.get()
              .uri("/actuator/health/readiness")
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value();
    }
    assertThat(readiness)
        .as("ready once the keys could be fetched in the background")
        .isEqualTo(200);
    web.get()
        .uri("/api/v1/org/units?keys=present")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** The test issuer's keys, served where the gateway was told to look. */
  private static DisposableServer serveTheIssuersKeys() throws Exception {
    String jwks =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(TestIssuer.issuerUri().replaceAll("/$", "") + "/jwks"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return HttpServer.create()
        .host("localhost")
        .port(KEYS_PORT)
        .route(
            routes ->
                routes.get(
                    "/certs",
                    (request, response) ->
                        response
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just(jwks))))
        .bindNow();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
