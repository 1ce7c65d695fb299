package nl.mandaat.support.probe;

import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service starts, and stays honest, while its token issuer does not answer (docs/suite.md). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mandaat.db.schema=probe_without_issuer",
      "mandaat.security.issuer-uri=http://localhost:9/realms/mandaat"
    })
@AutoConfigureWebTestClient(timeout = "30s")
class UnreachableIssuerIntegrationTests {

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
  }

  @Autowired WebTestClient web;

  @Test
  void theServiceIsReadyBeforeTheIssuerAnswers() {
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
  void aTokenThatCannotBeCheckedIsNeverAcceptedAndSaysWhy() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving", "manager")))
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
  }

  @Test
  void aRequestWithoutTokenIsStillChallenged() {
    web.get().uri("/api/v1/probe/me").exchange().expectStatus().isUnauthorized();
  }
}
