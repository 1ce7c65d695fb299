package nl.mandaat.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.EventChain;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The change stream and snapshot of docs/events.md. */
@TestPropertySource(properties = "mandaat.db.schema=mandate_stream")
@Import(TestClock.class)
class StreamIntegrationTests extends DemoMandateService {

  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static String pdp() {
    return TestIssuer.token("decision-service", "pdp-client");
  }

  Flux<ServerSentEvent<String>> stream(String query, Long lastEventId) {
    return web.mutate()
        .responseTimeout(Duration.ofSeconds(10))
        .build()
        .get()
        .uri("/internal/v1/events" + query)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(
            h -> {
              h.setBearerAuth(pdp());
              if (lastEventId != null) {
                h.set("Last-Event-ID", lastEventId.toString());
              }
            })
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(SSE)
        .getResponseBody()
        .filter(e -> e.data() != null);
  }

  static JsonNode data(ServerSentEvent<String> event) {
    return JSON.readTree(event.data());
  }

  @Test
  void theBacklogStartsWithTheFirstEventChainedToTheGenesisHash() {
    stream("?after=0", null)
        .take(2)
        .as(StepVerifier::create)
        .assertNext(
            e -> {
              assertThat(e.id()).isEqualTo("1");
              assertThat(e.event()).isEqualTo("DecisionTypeRecorded");
              JsonNode d = data(e);
              assertThat(d.get("sequence").asLong()).isEqualTo(1);
              assertThat(d.get("revision").asLong()).isEqualTo(1);
              assertThat(d.get("actor").asString()).isEqualTo("beheer");
              assertThat(d.get("prevHash").asString()).isEqualTo(EventChain.GENESIS);
              assertThat(d.get("payload").get("code").asString()).isNotBlank();
              assertThat(d.get("recordedAt").asString()).matches(".*\\.\\d{6}Z");
            })
        .assertNext(
            e -> {
              assertThat(e.id()).isEqualTo("2");
              assertThat(data(e).get("prevHash").asString()).isNotEqualTo(EventChain.GENESIS);
            })
        .verifyComplete();
  }

  @Test
  void aConsumerResumesAfterTheLastEventIdItSaw() {
    stream("", 3L)
        .take(1)
        .as(StepVerifier::create)
        .assertNext(e -> assertThat(e.id()).isEqualTo("4"))
        .verifyComplete();
    stream("?after=5", null)
        .take(1)
        .as(StepVerifier::create)
        .assertNext(e -> assertThat(e.id()).isEqualTo("6"))
        .verifyComplete();
  }

  @Test
  void aCommittedRevocationReachesALiveConsumer() {
    long now = revision();
    stream("?after=" + now, null)
        .take(2)
        .as(StepVerifier::create)
        .then(
            () ->
                web.post()
                    .uri("/api/v1/grants")
                    .headers(h -> h.setBearerAuth(TestIssuer.token("ah-wi", "manager")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                        Map.of(
                            "kind", "SUB_MANDATE",
                            "parentGrantId", "G09-afdelingshoofd-wi",
                            "holderPosition", "teammanager-uitkeringen",
                            "decisionTypes", List.of("bijzondere-bijstand"),
                            "ceiling", 1000,
                            "validFrom", "2027-01-01"))
                    .exchange()
                    .expectStatus()
                    .isCreated())
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("GrantRecorded");
              assertThat(e.id()).isEqualTo(Long.toString(now + 1));
            })
        .then(
            () ->
                web.post()
                    .uri("/api/v1/grants/{id}/revocation", "G09-afdelingshoofd-wi")
                    .headers(h -> h.setBearerAuth(TestIssuer.token("beheer", "register-beheer")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "herinrichting", "decisionRef", "Besluit 12"))
                    .exchange()
                    .expectStatus()
                    .isOk())
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("GrantRevoked");
              JsonNode payload = data(e).get("payload");
              assertThat(payload.get("grantId").asString()).isEqualTo("G09-afdelingshoofd-wi");
              assertThat(payload.get("revoked").size()).isEqualTo(3);
            })
        .verifyComplete();
  }

  @Test
  void theSnapshotHoldsTheCatalogueGrantsAndRevocationsAtItsSequence() {
    long now = revision();
    web.get()
        .uri("/internal/v1/snapshot")
        .headers(h -> h.setBearerAuth(pdp()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sequence")
        .isEqualTo((int) now)
        .jsonPath("$.decisionTypes.length()")
        .isEqualTo(14)
        .jsonPath("$.grants[0].id")
        .isEqualTo("G01-college");
  }

  @Test
  void theInternalEndpointsNeedAnInternalRole() {
    web.get()
        .uri("/internal/v1/snapshot")
        .headers(h -> h.setBearerAuth(TestIssuer.token("mw-wi", "medewerker")))
        .exchange()
        .expectStatus()
        .isForbidden();
    web.get()
        .uri("/internal/v1/events?after=0")
        .headers(h -> h.setBearerAuth(TestIssuer.token("mw-wi", "medewerker")))
        .exchange()
        .expectStatus()
        .isForbidden();
  }
}
