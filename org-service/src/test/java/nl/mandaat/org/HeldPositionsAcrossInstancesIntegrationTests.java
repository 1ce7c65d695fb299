package nl.mandaat.org;

import java.time.Duration;
import java.util.Map;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two org-service instances on one schema: what one records, the other's in-memory read of held
 * positions answers too, at once for a caller that passes the revision it got, and by the outbox's
 * notification for everyone else.
 */
@TestPropertySource(
    properties = {
      "mandaat.db.schema=org_two",
      // Only the notification can wake an instance within a test.
      "mandaat.org.events.poll-interval=1h"
    })
class HeldPositionsAcrossInstancesIntegrationTests extends DemoOrgService {

  private static final String SCHEMA = "org_two";

  private static ConfigurableApplicationContext other;

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void startTheOtherInstance() {
    TestDatabase.Coordinates db = TestDatabase.coordinates();
    other =
        new SpringApplicationBuilder(OrgServiceApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--mandaat.db.host=" + db.host(),
                "--mandaat.db.port=" + db.port(),
                "--mandaat.db.name=" + db.name(),
                "--mandaat.db.username=" + db.username(),
                "--mandaat.db.password=" + db.password(),
                "--mandaat.db.schema=" + SCHEMA,
                "--mandaat.org.events.poll-interval=1h",
                "--mandaat.security.issuer-uri=" + TestIssuer.issuerUri(),
                "--mandaat.security.jwk-set-uri=" + TestIssuer.issuerUri() + "/jwks",
                "--mandaat.security.audience=" + TestIssuer.AUDIENCE);
  }

  @AfterAll
  static void stopTheOtherInstance() {
    if (other != null) {
      other.close();
    }
  }

  private static WebTestClient client(int port) {
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  private long assignThroughTheOtherInstance(String username, String id) {
    WebTestClient elsewhere =
        client(other.getEnvironment().getProperty("local.server.port", Integer.class));
    elsewhere
        .post()
        .uri("/api/v1/org/persons")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", username, "displayName", "Elders Aangesteld"))
        .exchange()
        .expectStatus()
        .isCreated();
    Number revision =
        (Number)
            elsewhere
                .post()
                .uri("/api/v1/org/assignments")
                .headers(h -> h.setBearerAuth(BEHEER))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    Map.of(
                        "id",
                        id,
                        "person",
                        username,
                        "position",
                        "medewerker-wi",
                        "validFrom",
                        "2026-03-01"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("revision");
    return revision.longValue();
  }

  private WebTestClient.BodyContentSpec positionsHere(String username, long minRevision) {
    return client(port)
        .get()
        .uri(
            "/api/v1/org/persons/{username}/positions?at=2026-06-01&minRevision={revision}",
            username,
            minRevision)
        .headers(h -> h.setBearerAuth(MEDEWERKER))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  @Test
  void aCallerPresentingTheRevisionOfAWriteElsewhereReadsIt() {
    long revision = assignThroughTheOtherInstance("mw-elders", "A-mw-elders");

    positionsHere("mw-elders", revision)
        .jsonPath("$[0].position")
        .isEqualTo("medewerker-wi")
        .jsonPath("$[0].id")
        .isEqualTo("A-mw-elders");
  }

  @Test
  void aWriteElsewhereReachesThisInstanceByTheOutboxNotification() throws InterruptedException {
    assignThroughTheOtherInstance("mw-later", "A-mw-later");

    // Without minRevision: the outbox's notification wakes this instance.
    long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    String body = "";
    while (System.nanoTime() < deadline && !body.contains("A-mw-later")) {
      body =
          new String(
              positionsHere("mw-later", 0).returnResult().getResponseBodyContent(),
              java.nio.charset.StandardCharsets.UTF_8);
      Thread.sleep(20);
    }
    org.assertj.core.api.Assertions.assertThat(body).contains("\"id\":\"A-mw-later\"");
  }
}
