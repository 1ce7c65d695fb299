package nl.mandaat.org;

import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without the demo profile the schema is migrated but nobody is seeded. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mandaat.db.schema=org_without_demo")
@AutoConfigureWebTestClient
class OrgServiceWithoutDemoIntegrationTests {

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  @Autowired WebTestClient web;

  @Test
  void theDemoMunicipalityIsOnlySeededUnderTheDemoProfile() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }
}
