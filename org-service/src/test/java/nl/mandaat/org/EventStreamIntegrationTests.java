package nl.mandaat.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.EventChain;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox stream and snapshot of docs/events.md, on the demo seed. */
@TestPropertySource(
    properties = {
      "mandaat.db.schema=org_stream",
      // Only LISTEN/NOTIFY can wake a stream within a test's time.
      "mandaat.org.events.poll-interval=10m",
      "mandaat.org.events.heartbeat=1s"
    })
class EventStreamIntegrationTests extends DemoOrgService {

  private static final String PDP = TestIssuer.token("decision-service", "pdp-client");
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Bodies 3, units 16, positions 23, persons 23, assignments 23, substitution 1. */
  private static final int SEED_EVENTS = 89;

  private Flux<ServerSentEvent<String>> stream(String query, String token, String lastEventId) {
    return web.get()
        .uri("/internal/v1/events" + query)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(
            h -> {
              h.setBearerAuth(token);
              if (lastEventId != null) {
                h.set("Last-Event-ID", lastEventId);
              }
            })
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(SSE)
        .getResponseBody()
        .filter(event -> event.data() != null);
  }

  private static JsonNode data(ServerSentEvent<String> event) {
    return JSON.readTree(event.data());
  }

  /** The payload exactly as sent, which is the text the hash covers. */
  private static String payloadText(String data) {
    int start = data.indexOf("\"payload\":") + "\"payload\":".length();
    int end = data.lastIndexOf(",\"prevHash\":");
    return data.substring(start, end);
  }

  private long head() {
    return JSON.readTree(
            web.get()
                .uri("/internal/v1/snapshot")
                .headers(h -> h.setBearerAuth(BEHEER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody())
        .get("sequence")
        .asLong();
  }

  @Test
  void theBacklogStartsAtSequenceOneWithTheBodiesAndTheChainVerifies() {
    stream("?after=0", BEHEER, null)
        .take(SEED_EVENTS)
        .collectList()
        .as(StepVerifier::create)
        .assertNext(
            events -> {
              String previous = EventChain.GENESIS;
              long expected = 1;
              for (ServerSentEvent<String> event : events) {
                JsonNode d = data(event);
                assertThat(event.id()).isEqualTo(Long.toString(expected));
                assertThat(event.event()).isEqualTo(d.get("type").asString());
                assertThat(d.get("sequence").asLong()).isEqualTo(expected);
                assertThat(d.get("revision").asLong()).isEqualTo(expected);
                assertThat(d.get("prevHash").asString()).isEqualTo(previous);
                String hash =
                    EventChain.hash(
                        previous,
                        expected,
                        d.get("type").asString(),
                        d.get("recordedAt").asString(),
                        d.get("actor").asString(),
                        payloadText(event.data()));
                assertThat(d.get("hash").asString()).isEqualTo(hash);
                previous = hash;
                expected++;
              }
              JsonNode first = data(events.get(0));
              assertThat(first.get("type").asString()).isEqualTo("BodyRecorded");
              assertThat(first.get("actor").asString()).isEqualTo("beheer");
              assertThat(first.get("recordedAt").asString())
                  .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
              assertThat(
                      events.stream()
                          .map(ServerSentEvent::event)
                          .filter("SubstitutionRecorded"::equals)
                          .count())
                  .isEqualTo(1);
            })
        .verifyComplete();
  }

  @Test
  void payloadsUseTheFieldNamesOfTheMandateCoreRecords() {
    stream("?after=0", PDP, null)
        .filter(event -> "PositionRecorded".equals(event.event()))
        .take(1)
        .map(EventStreamIntegrationTests::data)
        .as(StepVerifier::create)
        .assertNext(
            d -> {
              JsonNode payload = d.get("payload");
              assertThat(payload.get("code").asString()).isEqualTo("burgemeester");
              assertThat(payload.get("unitCode").asString()).isEqualTo("gemeente");
              assertThat(payload.get("singleHolder").asBoolean()).isTrue();
              assertThat(payload.get("lifetime").get("from").asString()).isEqualTo("2026-01-01");
              assertThat(payload.has("reportsTo")).isFalse();
            })
        .verifyComplete();
  }

  @Test
  void aConsumerResumesAfterTheLastSequenceItSaw() {
    stream("?after=10", BEHEER, null)
        .take(1)
        .map(event -> event.id())
        .as(StepVerifier::create)
        .expectNext("11")
        .verifyComplete();
  }

  @Test
  void theLastEventIdHeaderIsHonoured() {
    stream("", BEHEER, "40")
        .take(1)
        .map(event -> event.id())
        .as(StepVerifier::create)
        .expectNext("41")
        .verifyComplete();
  }

  @Test
  void aWriteArrivesLiveOnAnOpenStream() {
    long head = head();
    stream("?after=" + (head - 1), BEHEER, null)
        .map(EventStreamIntegrationTests::data)
        .filter(d -> d.get("sequence").asLong() > head - 1)
        .take(2)
        .as(StepVerifier::create)
        .assertNext(d -> assertThat(d.get("sequence").asLong()).isEqualTo(head))
        .then(
            () ->
                web.post()
                    .uri("/api/v1/org/persons")
                    .headers(h -> h.setBearerAuth(BEHEER))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "live-" + head, "displayName", "Live"))
                    .exchange()
                    .expectStatus()
                    .isCreated())
        .assertNext(
            d -> {
              assertThat(d.get("type").asString()).isEqualTo("PersonRecorded");
              assertThat(d.get("payload").get("username").asString()).isEqualTo("live-" + head);
            })
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void twoConsumersSeeTheSameEventsInTheSameOrder() {
    Flux<List<String>> first =
        stream("?after=0", BEHEER, null)
            .take(SEED_EVENTS)
            .map(e -> e.id() + e.data())
            .collectList()
            .flux();
    Flux<List<String>> second =
        stream("?after=0", PDP, null)
            .take(SEED_EVENTS)
            .map(e -> e.id() + e.data())
            .collectList()
            .flux();
    Flux.zip(first, second)
        .as(StepVerifier::create)
        .assertNext(pair -> assertThat(pair.getT1()).isEqualTo(pair.getT2()).hasSize(SEED_EVENTS))
        .verifyComplete();
  }

  @Test
  void theStreamIsOnlyForTheSuitesOwnCallers() {
    web.get()
        .uri("/internal/v1/events?after=0")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(h -> h.setBearerAuth(TestIssuer.token("mw-wi", "medewerker")))
        .exchange()
        .expectStatus()
        .isForbidden();
    web.get()
        .uri("/internal/v1/snapshot")
        .headers(h -> h.setBearerAuth(TestIssuer.token("mw-wi", "medewerker")))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void theSnapshotHoldsTheWholeOrganisationAtItsSequence() {
    web.get()
        .uri("/internal/v1/snapshot")
        .headers(h -> h.setBearerAuth(PDP))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sequence")
        .value(
            sequence ->
                assertThat(((Number) sequence).longValue()).isGreaterThanOrEqualTo(SEED_EVENTS))
        .jsonPath("$.bodies.length()")
        .isEqualTo(3)
        .jsonPath("$.units[?(@.code == 'vergunningen')].kind")
        .isEqualTo("AFDELING")
        .jsonPath("$.substitutions[0].window.to")
        .isEqualTo("2026-12-31")
        .jsonPath("$.assignments[?(@.id == 'A-beheer')].position")
        .isEqualTo("registerbeheerder");
  }

  @Test
  void anIdleStreamSendsKeepAliveComments() {
    long head = head();
    web.get()
        .uri("/internal/v1/events?after=" + head)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(h -> h.setBearerAuth(BEHEER))
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(SSE)
        .getResponseBody()
        .filter(event -> event.comment() != null)
        .take(1)
        .map(ServerSentEvent::comment)
        .as(StepVerifier::create)
        .expectNext("keep-alive")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }
}
