package nl.mandaat.mandate;

import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The outbox's hash chain: intact after the seed, broken exactly where a row was altered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("demo")
// The demo municipality as the organisation: no org-service runs beside these tests.
@TestPropertySource(properties = "mandaat.org.source=demo")
class HashChainIntegrationTests {

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
    registry.add("mandaat.db.schema", () -> "mandate_chain");
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @Test
  void aRowAlteredInTheDatabaseIsDetectedAtItsSequence() {
    verification().jsonPath("$.valid").isEqualTo(true).jsonPath("$.firstBreak").doesNotExist();

    database
        .sql(
            "update outbox_event set payload = replace(payload, '250000', '950000')"
                + " where sequence = 16")
        .fetch()
        .rowsUpdated()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();

    verification().jsonPath("$.valid").isEqualTo(false).jsonPath("$.firstBreak").isEqualTo(16);
  }

  WebTestClient.BodyContentSpec verification() {
    return web.get()
        .uri("/api/v1/register/verification")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }
}
