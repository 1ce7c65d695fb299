package nl.mandaat.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mandaat.testsupport.ServiceContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class WebIntegrationTests extends ServiceContract {

  @Override
  protected String schema() {
    return "web";
  }

  @Override
  protected String migratedTable() {
    return "console_preference";
  }

  @Override
  protected String unknownApiPath() {
    return "/api/v1/console/preferences";
  }

  @Test
  void theConsolePageIsPublicAtTheRoot() {
    web.get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("mandaat console"));
  }

  @Test
  void theConsolePageIsPublicUnderConsole() {
    web.get()
        .uri("/console/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("mandaat console"));
  }
}
