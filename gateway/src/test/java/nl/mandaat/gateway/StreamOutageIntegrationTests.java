package nl.mandaat.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 6: the stream going down. The gateway keeps answering from its replica within the
 * staleness, then fails closed, then answers again once the stream is back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mandaat.replica.staleness=3s", "mandaat.replica.idle-timeout=1s"})
@AutoConfigureWebTestClient(timeout = "30s")
class StreamOutageIntegrationTests {

  private static final StandIns STAND_INS = new StandIns(Duration.ofMillis(200));

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    STAND_INS.register(registry);
  }

  @AfterAll
  static void stopStandIns() {
    STAND_INS.stop();
  }

  @Autowired WebTestClient web;

  private int status() {
    return web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            { "subject": { "type": "user", "id": "tm-omgeving" }, "action": { "name": "decide" },
              "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 8000, "orgUnit": "vergunningen" } } }
            """)
        .exchange()
        .returnResult(String.class)
        .getStatus()
        .value();
  }

  @Test
  void answersWithinTheStalenessFailsClosedAfterItAndRecoversWhenTheStreamReturns() {
    await().atMost(Duration.ofSeconds(30)).until(() -> status() == 200);

    STAND_INS.mandates().stop();
    // Within the staleness the replica still answers.
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            { "subject": { "type": "user", "id": "tm-omgeving" }, "action": { "name": "decide" },
              "resource": { "type": "decision-type", "id": "inkoop-overeenkomst" } }
            """)
        .exchange()
        .expectStatus()
        .isOk();

    await().atMost(Duration.ofSeconds(10)).until(() -> status() == 503);
    web.post()
        .uri("/apps/subsidies/subsidies/tijdens-storing")
        .headers(h -> h.setBearerAuth(TestIssuer.token("ah-subsidies")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":100}")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("REGISTER_UNAVAILABLE");

    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("DOWN");

    STAND_INS.mandates().resume();
    await().atMost(Duration.ofSeconds(30)).until(() -> status() == 200);
    web.get().uri("/actuator/health").exchange().expectStatus().isOk();
  }
}
