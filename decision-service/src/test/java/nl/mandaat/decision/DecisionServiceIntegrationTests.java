package nl.mandaat.decision;

import nl.mandaat.testsupport.ServiceContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DecisionServiceIntegrationTests extends ServiceContract {

  @Override
  protected String schema() {
    return "decision";
  }

  @Override
  protected String migratedTable() {
    return "outbox_event";
  }

  @Override
  protected String unknownApiPath() {
    return "/api/v1/decisions/0";
  }
}
