package nl.mandaat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.mandaat.gateway.adapter.out.r2dbc.R2dbcWebSessions;
import nl.mandaat.testsupport.MutableClock;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.MapSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayIntegrationTests {

  private static final StandIns STAND_INS = new StandIns(Duration.ofSeconds(1));

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    STAND_INS.register(registry);
  }

  @AfterAll
  static void stopStandIns() {
    STAND_INS.stop();
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;
  @Autowired ConnectionFactory connections;

  @Test
  void flywayMigratedTheGatewaySchema() {
    database
        .sql(
            "select count(*) from information_schema.tables"
                + " where table_schema = 'gateway' and table_name = 'decision_log'")
        .map(row -> row.get(0, Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();
  }

  /**
   * reporting-service follows the decision log with {@code decision_log_after}: a record whose
   * transaction commits after a later one must not be skipped, whatever its id.
   */
  @Test
  void theDecisionLogIsFollowedInCommitOrderWithoutSkippingALateCommit() {
    String insert =
        "insert into decision_log (source, caller, subject_type, subject_id, action,"
            + " resource_type, resource_id, question, decision, reason, revision)"
            + " values ('follow-test', $1, 'user', 'x', 'decide', 'decision-type', 'y', '{}',"
            + " false, 'NO_MANDATE', 1)";
    String follow =
        "select caller, txid::text as txid, id from decision_log_after($1::xid8, $2, 100000)"
            + " where source = 'follow-test'";
    Connection early = Mono.from(connections.create()).block(Duration.ofSeconds(10));
    try {
      // "early" takes its id first but commits last.
      Mono.from(early.beginTransaction()).block(Duration.ofSeconds(10));
      Flux.from(early.createStatement(insert).bind("$1", "early").execute())
          .flatMap(result -> result.getRowsUpdated())
          .blockLast(Duration.ofSeconds(10));
      database.sql(insert).bind("$1", "late").fetch().rowsUpdated().block(Duration.ofSeconds(10));

      assertThat(followed(follow, "0", 0)).as("nothing while an earlier writer is open").isEmpty();

      Mono.from(early.commitTransaction()).block(Duration.ofSeconds(10));
      // Once no transaction older than "late" runs (the gateway's own writes are short).
      await().atMost(Duration.ofSeconds(10)).until(() -> followed(follow, "0", 0).size() == 2);
      List<Map<String, Object>> rows = followed(follow, "0", 0);
      assertThat(rows).extracting(row -> row.get("caller")).containsExactly("early", "late");

      Map<String, Object> last = rows.get(1);
      assertThat(followed(follow, (String) last.get("txid"), (Long) last.get("id"))).isEmpty();
    } finally {
      Mono.from(early.close()).block(Duration.ofSeconds(10));
    }
  }

  private List<Map<String, Object>> followed(String sql, String afterTxid, long afterId) {
    return database
        .sql(sql)
        .bind("$1", afterTxid)
        .bind("$2", afterId)
        .fetch()
        .all()
        .collectList()
        .block(Duration.ofSeconds(10));
  }

  /** Two replicas on one database: a session one saves, the other finds, with what it holds. */
  @Test
  void aSessionSavedByOneReplicaIsFoundByAnother() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    R2dbcWebSessions one = new R2dbcWebSessions(database, Duration.ofMinutes(30), clock);
    R2dbcWebSessions another = new R2dbcWebSessions(database, Duration.ofMinutes(30), clock);
    MapSession session = one.createSession().block(Duration.ofSeconds(10));
    SecurityContextImpl context =
        new SecurityContextImpl(
            new UsernamePasswordAuthenticationToken(
                "tm-omgeving", null, List.of(new SimpleGrantedAuthority("ROLE_manager"))));
    session.setAttribute("SPRING_SECURITY_CONTEXT", context);
    session.setAttribute("return-to", "/console/mandaten");
    one.save(session).block(Duration.ofSeconds(10));

    MapSession found = another.findById(session.getId()).block(Duration.ofSeconds(10));
    assertThat(found).isNotNull();
    assertThat(found.<String>getAttribute("return-to")).isEqualTo("/console/mandaten");
    SecurityContextImpl restored = found.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(restored.getAuthentication().getName()).isEqualTo("tm-omgeving");
    assertThat(restored.getAuthentication().getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_manager");

    // A login renews the id against fixation: the old id is gone, the new one holds the session.
    String before = found.getId();
    found.changeSessionId();
    another.save(found).block(Duration.ofSeconds(10));
    assertThat(one.findById(before).blockOptional(Duration.ofSeconds(10))).isEmpty();
    assertThat(one.findById(found.getId()).blockOptional(Duration.ofSeconds(10))).isPresent();

    // Thirty minutes without a request: no longer answered, and swept.
    clock.advance(Duration.ofMinutes(30));
    assertThat(one.findById(found.getId()).blockOptional(Duration.ofSeconds(10))).isEmpty();
    assertThat(one.deleteExpired().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1L);
  }

  @Test
  void theGatewayIsReadyAndAnswersItsOwnHealth() {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.service")
        .doesNotExist();
  }

  @Test
  void prometheusMetricsAreServedAsText() {
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_PLAIN);
  }

  @Test
  void anAuthenticatedCallIsRoutedWithItsAuthorizationHeaderRelayed() {
    String token = TestIssuer.token("tm-omgeving", "manager");

    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("org")
        .jsonPath("$.uri")
        .isEqualTo("/api/v1/org/units?at=2026-06-01")
        .jsonPath("$.authorization")
        .isEqualTo("Bearer " + token);
  }

  /** org-service's import progress (NDJSON) must reach the client line by line, not at the end. */
  @Test
  void aProgressStreamIsPassedOnLineByLine() {
    List<Long> arrivals =
        web.post()
            .uri("/api/v1/org/import/ndjson")
            .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
            .accept(MediaType.APPLICATION_NDJSON)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseBody()
            .map(line -> System.nanoTime())
            .collectList()
            .block(Duration.ofSeconds(30));

    assertThat(arrivals).hasSize(2);
    assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0)))
        .isGreaterThan(Upstreams.SLOW.dividedBy(2));
  }

  @ParameterizedTest(name = "{0} goes to {1} as {2}")
  @CsvSource({
    "/api/v1/decision-types, mandate, /api/v1/decision-types",
    "/api/v1/grants/g-1, mandate, /api/v1/grants/g-1",
    "/api/v1/register/revision, mandate, /api/v1/register/revision",
    "/api/v1/decisions/d-1, decision, /api/v1/decisions/d-1",
    "/api/v1/decision-requests, decision, /api/v1/decision-requests",
    "/api/v1/reports/denials, reporting, /api/v1/reports/denials",
    // The trailing slash goes before matching (CanonicalPathFilter).
    "/console/, web, /console"
  })
  void everyApiPathGoesToTheServiceThatOwnsIt(String path, String service, String received) {
    web.get()
        .uri(path)
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service)
        .jsonPath("$.uri")
        .isEqualTo(received);
  }

  @Test
  void anApiCallWithoutATokenIsRefusedAtTheGatewayAndNeverForwarded() {
    web.get()
        .uri("/api/v1/org/units?at=2026-01-02")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(STAND_INS.upstreams().received()).doesNotContain("/api/v1/org/units?at=2026-01-02");
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedAtTheGateway() {
    web.get()
        .uri("/api/v1/org/units?at=2026-01-03")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenForAudience("account", "auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(STAND_INS.upstreams().received()).doesNotContain("/api/v1/org/units?at=2026-01-03");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefusedAtTheGateway() {
    web.get()
        .uri("/api/v1/org/units?at=2026-01-04")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenFromOtherIssuer("auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();

    assertThat(STAND_INS.upstreams().received()).doesNotContain("/api/v1/org/units?at=2026-01-04");
  }

  @Test
  void internalPathsAreNeverRouted() {
    web.get()
        .uri("/internal/v1/events?after=0")
        .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.startsWith("/internal"));
  }

  @Test
  void aServicesActuatorIsNotReachableThroughTheGateway() {
    web.get().uri("/api/v1/org/actuator/env").exchange().expectStatus().isUnauthorized();
    web.get()
        .uri("/actuator/env")
        .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
        .exchange()
        .expectStatus()
        .isNotFound();

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.contains("actuator"));
  }

  @Test
  void theConsoleIsReachedWithoutAToken() {
    web.get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("web");
  }
}
