package nl.mandaat.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * What every service promises by booting (docs/suite.md): its own schema migrated by Flyway,
 * liveness and readiness, Prometheus metrics, and token checks on its API. A service's integration
 * test extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and
 * {@code @AutoConfigureWebTestClient}, on the embedded PostgreSQL and the test issuer.
 */
public abstract class ServiceContract {

  @Autowired protected WebTestClient web;
  @Autowired protected DatabaseClient database;

  @DynamicPropertySource
  static void serviceContractEnvironment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  /**
   * The first token a context checks fetches the issuer's keys; on a loaded 2-core CI machine that
   * can take longer than WebTestClient's 5 s default, which is a slow machine, not a failure.
   */
  @BeforeEach
  void allowForASlowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** The service's own schema. */
  protected abstract String schema();

  /** A table the service's first migration creates in {@link #schema()}. */
  protected abstract String migratedTable();

  /** A path under /api that needs a token and does not exist, so a valid token gets a 404. */
  protected abstract String unknownApiPath();

  @Test
  void flywayMigratedTheServicesOwnSchema() {
    database
        .sql(
            "select count(*) from information_schema.tables"
                + " where table_schema = :schema and table_name = :table")
        .bind("schema", schema())
        .bind("table", migratedTable())
        .map(row -> row.get(0, Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();
  }

  @Test
  void theServiceIsLiveAndReady() {
    for (String probe : new String[] {"liveness", "readiness"}) {
      web.get()
          .uri("/actuator/health/" + probe)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
    }
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
  void anApiCallWithoutATokenIsRefusedWithABearerChallenge() {
    web.get()
        .uri(unknownApiPath())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    web.get()
        .uri(unknownApiPath())
        .headers(h -> h.setBearerAuth(TestIssuer.tokenForAudience("account", "auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    web.get()
        .uri(unknownApiPath())
        .headers(h -> h.setBearerAuth(TestIssuer.tokenFromOtherIssuer("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void theInfoEndpointNeedsAToken() {
    web.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
    web.get()
        .uri("/actuator/info")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aValidTokenIsAcceptedAndAnUnknownResourceIsANotFoundProblem() {
    web.get()
        .uri(unknownApiPath())
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NOT_FOUND");
  }
}
