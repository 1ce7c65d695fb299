package nl.mandaat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's edge against stub upstreams: canonical paths (each non-canonical spelling either
 * refused before any upstream sees it, or forwarded in its one spelling), time limits and circuit
 * breakers per route, and the per-client rate limiter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EdgeIntegrationTests {

  private static final Upstreams UPSTREAMS = new Upstreams();
  private static final AtomicInteger USERS = new AtomicInteger();

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
    for (String name : Upstreams.NAMES) {
      registry.add("mandaat.routes." + name + "-uri", () -> UPSTREAMS.uri(name));
    }
    // Nothing listens here: the mandate route's upstream cannot be reached.
    registry.add("mandaat.routes.mandate-uri", () -> "http://localhost:" + closedPort());
    // The register replica is not under test here: its streams stay unreachable, off the stubs.
    registry.add("mandaat.replica.organisation-uri", () -> "http://localhost:" + closedPort());
    registry.add("mandaat.replica.register-uri", () -> "http://localhost:" + closedPort());
    registry.add("mandaat.edge.upstream.route-timeouts.decision", () -> "1s");
    registry.add("mandaat.edge.upstream.sliding-window-size", () -> "4");
    registry.add("mandaat.edge.upstream.minimum-number-of-calls", () -> "4");
    registry.add("mandaat.edge.upstream.wait-in-open-state", () -> "60s");
    registry.add("mandaat.edge.rate-limit.limit-for-period", () -> "6");
    registry.add("mandaat.edge.rate-limit.refresh-period", () -> "30s");
  }

  @AfterAll
  static void stopUpstreams() {
    UPSTREAMS.stop();
  }

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @BeforeEach
  void allowForASlowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** A token for a person of their own, so every test has its own rate limit. */
  private static String freshToken() {
    // auditor: the reporting route the breaker tests use requires that role.
    return TestIssuer.token("edge-user-" + USERS.incrementAndGet(), "medewerker", "auditor");
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource({
    "/api/v1/org/../grants?case=1, DOT_SEGMENT",
    "/api/v1/org/./units?case=2, DOT_SEGMENT",
    "/api/v1/org/%2e%2e/grants?case=3, ENCODED_UNRESERVED",
    "/api/v1/org/%2E%2E/grants?case=4, ENCODED_UNRESERVED",
    "/api/v1/org%2funits?case=5, ENCODED_SEPARATOR",
    "/api/v1/org%2Funits?case=6, ENCODED_SEPARATOR",
    "/api/v1/org%5cunits?case=7, ENCODED_SEPARATOR",
    "/api/v1/org/%252e%252e/grants?case=8, ENCODED_SEPARATOR",
    "/%61pi/v1/org/units?case=9, ENCODED_UNRESERVED",
    "/API/v1/org/units?case=10, CASE_VARIANT",
    "/api/V1/org/units?case=11, CASE_VARIANT",
    "/api/v1/ORG/units?case=12, CASE_VARIANT",
    "/Console?case=13, CASE_VARIANT",
    "/api/v1/org;jsessionid=x/units?case=14, MATRIX_PARAMETER",
    "/console/../api/v1/org/units?case=15, DOT_SEGMENT",
    "/console/%2e%2e/api/v1/org/units?case=16, ENCODED_UNRESERVED",
    "/api/v1/org/units%00?case=17, CONTROL_CHARACTER"
  })
  void aNonCanonicalPathIsRefusedBeforeAnyUpstreamSeesIt(String target, String reason) {
    String marker = target.substring(target.indexOf('?'));

    web.get()
        .uri(at(target))
        .headers(h -> h.setBearerAuth(freshToken()))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NON_CANONICAL_PATH")
        .jsonPath("$.reason")
        .isEqualTo(reason);

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith(marker));
  }

  @Test
  void aNonCanonicalPathIsRefusedEvenWithoutAToken() {
    web.get()
        .uri(at("/console/%2e%2e/api/v1/org/units?case=anonymous"))
        .exchange()
        .expectStatus()
        .isBadRequest();

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith("?case=anonymous"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource({
    "/api/v1/org\\..\\grants?case=raw1",
    "/api/v1/org/units%zz?case=raw2",
    "/api/v1/org/units%2?case=raw3"
  })
  void aTargetThatIsNoValidUriIsRefused(String target) {
    String response = RawHttp.get(port, target, freshToken());

    // The HTTP server may refuse it before the filter does (not a valid URI); either way it goes
    // nowhere.
    assertThat(response).startsWith("HTTP/1.1 400");
    String marker = target.substring(target.indexOf('?'));
    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith(marker));
  }

  @ParameterizedTest(name = "{0} reaches the upstream as {1}")
  @CsvSource({
    "/api//v1///org/units?case=n1, /api/v1/org/units?case=n1",
    "/api/v1/org/units/?case=n2, /api/v1/org/units?case=n2",
    "/api/v1/org/units//?case=n3, /api/v1/org/units?case=n3",
    "/api/v1/org/units/caf%C3%A9?case=n4, /api/v1/org/units/caf%C3%A9?case=n4"
  })
  void repeatedAndTrailingSlashesAreRemovedBeforeMatching(String target, String forwarded) {
    web.get()
        .uri(at(target))
        .headers(h -> h.setBearerAuth(freshToken()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("org")
        .jsonPath("$.uri")
        .isEqualTo(forwarded);
  }

  @Test
  void aLeadingDoubleSlashIsRemovedBeforeMatching() {
    String response = RawHttp.get(port, "//api/v1/org/units?case=n5", freshToken());

    assertThat(response)
        .startsWith("HTTP/1.1 200")
        .contains("\"uri\":\"/api/v1/org/units?case=n5\"");
  }

  @Test
  void aCollapsedPathStillNeedsItsToken() {
    web.get()
        .uri(at("/console//..//api/v1/org/units?case=n6"))
        .exchange()
        .expectStatus()
        .isBadRequest();
    web.get()
        .uri(at("/api//v1/org/units/?case=n7"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.contains("?case=n6"));
    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.contains("?case=n7"));
  }

  @Test
  void theGatewaysOwnCookiesStayAtTheGatewayAndABearerRequestStartsNoSession() {
    web.get()
        .uri("/api/v1/org/units?cookies=1")
        .headers(h -> h.setBearerAuth(freshToken()))
        .header(HttpHeaders.COOKIE, "theme=dark; XSRF-TOKEN=def")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist(HttpHeaders.SET_COOKIE)
        .expectBody()
        .jsonPath("$.cookie")
        .isEqualTo("theme=dark");
    web.get()
        .uri("/api/v1/org/units?cookies=2")
        .headers(h -> h.setBearerAuth(freshToken()))
        .header(HttpHeaders.COOKIE, "SESSION=abc; lang=nl")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cookie")
        .isEqualTo("lang=nl");
  }

  @Test
  void aSlowUpstreamIsAnsweredWithAGatewayTimeoutProblem() {
    long start = System.nanoTime();

    web.get()
        .uri("/api/v1/decisions/slow-1")
        .headers(h -> h.setBearerAuth(freshToken()))
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UPSTREAM_TIMEOUT");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Upstreams.SLOW);
  }

  @Test
  void anUnreachableUpstreamIsABadGatewayProblem() {
    web.get()
        .uri("/api/v1/grants")
        .headers(h -> h.setBearerAuth(freshToken()))
        .exchange()
        .expectStatus()
        .isEqualTo(502)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UPSTREAM_UNREACHABLE");
  }

  @Test
  void aFailingUpstreamOpensItsBreakerAndIsNoLongerCalled() {
    String token = freshToken();
    for (int call = 1; call <= 4; call++) {
      // The upstream's own 500 is passed on, and counted.
      web.get()
          .uri("/api/v1/reports/fail?call=" + call)
          .headers(h -> h.setBearerAuth(token))
          .exchange()
          .expectStatus()
          .isEqualTo(500)
          .expectBody()
          .jsonPath("$.service")
          .isEqualTo("reporting");
    }

    web.get()
        .uri("/api/v1/reports/denials?call=open")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals(HttpHeaders.RETRY_AFTER, "60")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CIRCUIT_OPEN");

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith("call=open"));
    // Another route's breaker is its own.
    web.get()
        .uri("/api/v1/org/units?call=other-route")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aClientOverItsRateIsRefusedWithRetryAfterWhileOthersGoOn() {
    String busy = TestIssuer.token("busy-application", "pdp-client");
    for (int call = 1; call <= 6; call++) {
      web.get()
          .uri("/api/v1/org/units?rate=" + call)
          .headers(h -> h.setBearerAuth(busy))
          .exchange()
          .expectStatus()
          .isOk();
    }

    web.get()
        .uri("/api/v1/org/units?rate=7")
        .headers(h -> h.setBearerAuth(busy))
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 30L))
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RATE_LIMITED");

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith("rate=7"));
    web.get()
        .uri("/api/v1/org/units?rate=other")
        .headers(h -> h.setBearerAuth(freshToken()))
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** The decision point's Reactor Netty lane counts against the same per-client limit. */
  @Test
  void theDecisionPointLaneCountsAgainstTheClientsRate() {
    String busy = TestIssuer.token("busy-pdp-client", "pdp-client");
    for (int call = 1; call <= 6; call++) {
      // An empty question: refused as a bad request once the caller has been let through.
      web.post()
          .uri("/access/v1/evaluation")
          .headers(h -> h.setBearerAuth(busy))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isBadRequest();
    }

    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(busy))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RATE_LIMITED");
  }

  @Test
  void healthProbesAreNotRateLimited() {
    for (int call = 0; call < 8; call++) {
      web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
  }

  /** The target as it is, not encoded again by the client. */
  private URI at(String target) {
    return URI.create("http://localhost:" + port + target);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
