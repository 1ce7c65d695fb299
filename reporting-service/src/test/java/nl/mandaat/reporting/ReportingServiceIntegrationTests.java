package nl.mandaat.reporting;

import nl.mandaat.testsupport.ServiceContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReportingServiceIntegrationTests extends ServiceContract {

  @Override
  protected String schema() {
    return "reporting";
  }

  @Override
  protected String migratedTable() {
    return "stream_position";
  }

  @Override
  protected String unknownApiPath() {
    return "/api/v1/reports/decisions/0/chain";
  }
}
