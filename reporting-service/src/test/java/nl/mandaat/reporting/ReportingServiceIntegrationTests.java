package nl.mandaat.reporting;

import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReportingServiceIntegrationTests {

  private static final String API = "/api/v1/reports/decisions/0/chain";

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @Test
  void flywayMigratedTheReportingSchema() {
    database
        .sql(
            "select count(*) from information_schema.tables"
                + " where table_schema = 'reporting' and table_name = 'stream_position'")
        .map(row -> row.get(0, Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();
  }

  @Test
  void theServiceIsLiveAndReady() {
    web.get()
        .uri("/actuator/health/liveness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
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
        .uri(API)
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
        .uri(API)
        .headers(h -> h.setBearerAuth(TestIssuer.tokenForAudience("account", "auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    web.get()
        .uri(API)
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
        .uri(API)
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
