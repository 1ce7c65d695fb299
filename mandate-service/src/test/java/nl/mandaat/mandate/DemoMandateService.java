package nl.mandaat.mandate;

import java.time.Duration;
import java.util.Map;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What mandate-service's integration tests on the demo municipality share: the service on a random
 * port, on the embedded PostgreSQL and the test issuer, with the demo register and the demo
 * municipality as its organisation (no org-service runs beside these tests); a {@link
 * WebTestClient} that allows for a slow machine, the {@link DatabaseClient} on the service's schema
 * and the register administrator's token. A test class names its own schema
 * ({@code @TestPropertySource(properties = "mandaat.db.schema=...")}, merged with the properties
 * here), so that its writes stay its own, {@code @Import}s {@link TestClock} when it sets the time,
 * and adds only what differs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("demo")
@TestPropertySource(properties = "mandaat.org.source=demo")
abstract class DemoMandateService {

  @DynamicPropertySource
  static void demoMandateServiceEnvironment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  /**
   * The first token a context checks fetches the issuer's keys, and other builds share this
   * machine: a first write after start-up may take longer than WebTestClient's 5 s default.
   */
  @BeforeEach
  void allowForASlowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** Realm role {@code register-beheer}: records and revokes grants. */
  static String beheer() {
    return TestIssuer.token("beheer", "register-beheer");
  }

  /** The register's revision, as {@code GET /api/v1/register/revision} answers it. */
  long revision() {
    return ((Number)
            web.get()
                .uri("/api/v1/register/revision")
                .headers(h -> h.setBearerAuth(beheer()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("revision"))
        .longValue();
  }

  /** The auditor's {@code GET /api/v1/register/verification} of the hash chain, answered 200. */
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
