package nl.mandaat.org;

import java.time.Duration;
import nl.mandaat.org.application.Organisation;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What org-service's integration tests on the demo municipality share: the service on a random
 * port, on the embedded PostgreSQL and the test issuer, seeded with the demo; the register
 * administrator's and a medewerker's token; a {@link WebTestClient} that allows for a slow machine;
 * and the store's {@link Organisation} to look at the outbox. A test class names its own schema
 * ({@code @TestPropertySource(properties = "mandaat.db.schema=...")}), so that its writes stay its
 * own, and adds only what differs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("demo")
abstract class DemoOrgService {

  /** Realm role {@code register-beheer}: may write. */
  static final String BEHEER = TestIssuer.token("beheer", "register-beheer");

  /** A medewerker without a mandate: may read. */
  static final String MEDEWERKER = TestIssuer.token("mw-vergunningen", "medewerker");

  @DynamicPropertySource
  static void demoOrgServiceEnvironment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  @Autowired private WebTestClient client;

  @Autowired Organisation organisation;

  /** The client to the service, with {@link #responseTimeout()}. */
  WebTestClient web;

  @BeforeEach
  void allowForASlowMachine() {
    web = client.mutate().responseTimeout(responseTimeout()).build();
  }

  /**
   * How long a response may take. The first token a context checks fetches the issuer's keys; on a
   * loaded 2-core machine that takes longer than WebTestClient's 5 s default.
   */
  Duration responseTimeout() {
    return Duration.ofSeconds(30);
  }

  /** GET {@code uri} as a medewerker. */
  WebTestClient.ResponseSpec get(String uri) {
    return web.get().uri(uri).headers(h -> h.setBearerAuth(MEDEWERKER)).exchange();
  }

  /** POST {@code body} as JSON to {@code uri} as the register administrator. */
  WebTestClient.ResponseSpec post(String uri, Object body) {
    return post(uri, body, BEHEER);
  }

  /** POST {@code body} as JSON to {@code uri} with {@code token}. */
  WebTestClient.ResponseSpec post(String uri, Object body, String token) {
    return web.post()
        .uri(uri)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
