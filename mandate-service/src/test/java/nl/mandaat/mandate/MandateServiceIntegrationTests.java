package nl.mandaat.mandate;

import nl.mandaat.testsupport.ServiceContract;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The boot-time promises of docs/suite.md, without the demo seed: an empty register at revision 0,
 * whose organisation would come from org-service's stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
// No org-service runs beside this test: the demo municipality is the organisation.
@TestPropertySource(properties = "mandaat.org.source=demo")
class MandateServiceIntegrationTests extends ServiceContract {

  @Override
  protected String schema() {
    return "mandate";
  }

  @Override
  protected String migratedTable() {
    return "outbox_event";
  }

  @Override
  protected String unknownApiPath() {
    return "/api/v1/no-such-resource";
  }

  @Test
  void anEmptyRegisterIsAtRevisionZero() {
    web.get()
        .uri("/api/v1/register/revision")
        .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"revision\":0}");
  }

  @Test
  void anEmptyRegisterVerifiesAsAnUnbrokenChain() {
    web.get()
        .uri("/api/v1/register/verification")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"valid\":true,\"checked\":0}");
  }
}
