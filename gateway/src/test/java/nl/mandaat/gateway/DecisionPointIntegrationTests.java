package nl.mandaat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.Window;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The AuthZEN decision point and the enforcement of mandate routes, answered from the gateway's
 * replica of two stand-in owners serving the demo municipality (DOMAIN.md).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mandaat.decision-log.permit-sample-rate=1",
      "mandaat.decision-log.interval=50ms",
      "mandaat.edge.rate-limit.limit-for-period=100000"
    })
@AutoConfigureWebTestClient(timeout = "30s")
class DecisionPointIntegrationTests {

  private static final StandIns STAND_INS = new StandIns(Duration.ofSeconds(1));

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    STAND_INS.register(registry);
  }

  @AfterAll
  static void stopStandIns() {
    STAND_INS.stop();
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  private static final String APPLICATION =
      "{\"aanvrager\":\"Stichting Buurtkracht\",\"amount\":25000}";

  private static final String PURCHASE =
      """
      { "subject":  { "type": "user", "id": "tm-omgeving" },
        "action":   { "name": "decide" },
        "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                      "properties": { "amount": %s, "orgUnit": "vergunningen" } },
        "context":  { "time": "2026-11-28T10:00:00Z" %s } }
      """;

  private WebTestClient.ResponseSpec evaluate(String body) {
    awaitReplica();
    return web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private void awaitReplica() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                STAND_INS.mandates().requests().stream()
                    .anyMatch(r -> r.startsWith("/internal/v1/events")));
  }

  @Test
  void aPermitCarriesTheChainFromTheBodyToThePersonAndTheRevision() {
    evaluate(PURCHASE.formatted("8000", ""))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.decision")
        .isEqualTo(true)
        .jsonPath("$.context.reason")
        .isEqualTo("PERMIT")
        .jsonPath("$.context.revision")
        .isNumber()
        .jsonPath("$.context.signature")
        .value(s -> assertThat((String) s).contains("college"))
        .jsonPath("$.context.chain[0].kind")
        .isEqualTo("MANDATE")
        .jsonPath("$.context.chain[0].grantor")
        .isEqualTo("college")
        .jsonPath("$.context.chain[?(@.grantId == 'G04-teammanager-omgeving')].kind")
        .isEqualTo(List.of("SUB_MANDATE"))
        .jsonPath("$.context.chain[-1:].person")
        .isEqualTo(List.of("tm-omgeving"))
        .jsonPath("$.context.reason_user")
        .doesNotExist()
        .jsonPath("$.context.failedAt")
        .doesNotExist();
  }

  @Test
  void aDenyNamesTheReasonTheFailingLinkAndWhereToEscalate() {
    evaluate(PURCHASE.formatted("10000.01", ""))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.decision")
        .isEqualTo(false)
        .jsonPath("$.context.reason")
        .isEqualTo("CEILING_EXCEEDED")
        .jsonPath("$.context.failedAt.grantId")
        .isEqualTo("G04-teammanager-omgeving")
        .jsonPath("$.context.escalateTo")
        .isEqualTo("afdelingshoofd-vergunningen")
        .jsonPath("$.context.reason_user.nl")
        .isNotEmpty()
        .jsonPath("$.context.reason_user.en")
        .isNotEmpty();
  }

  @Test
  void theCeilingItselfIsPermitted() {
    evaluate(PURCHASE.formatted("10000.00", ""))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.decision")
        .isEqualTo(true);
  }

  @Test
  void aPositionCanBeAskedAboutAsWellAsAPerson() {
    evaluate(
            """
            { "subject": { "type": "position", "id": "afdelingshoofd-subsidies" },
              "action": { "name": "decide" },
              "resource": { "type": "decision-type", "id": "subsidie-toekenning",
                            "properties": { "amount": 25000 } } }
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.decision")
        .isEqualTo(true);
  }

  @Test
  void anUnknownSubjectIsADenyNotAnError() {
    evaluate(
            """
            { "subject": { "type": "user", "id": "nobody" }, "action": { "name": "decide" },
              "resource": { "type": "decision-type", "id": "inkoop-overeenkomst" } }
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.decision")
        .isEqualTo(false)
        .jsonPath("$.context.reason")
        .isEqualTo("UNKNOWN_SUBJECT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1, 2]",
        "{ \"action\": { \"name\": \"decide\" }, \"resource\": { \"type\": \"decision-type\","
            + " \"id\": \"x\" } }",
        "{ \"subject\": { \"type\": \"group\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\" } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"approve\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\" } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"document\", \"id\": \"x\" } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\","
            + " \"properties\": { \"amount\": -1 } } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\","
            + " \"properties\": { \"amount\": 1.001 } } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\","
            + " \"properties\": { \"amount\": \"veel\" } } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\" },"
            + " \"context\": { \"time\": \"morgen\" } }",
        "{ \"subject\": { \"type\": \"user\", \"id\": \"a\" }, \"action\": { \"name\":"
            + " \"decide\" }, \"resource\": { \"type\": \"decision-type\", \"id\": \"x\" },"
            + " \"context\": { \"minRevision\": -3 } }",
        "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"
      })
  void aMalformedRequestIsA400ProblemWithACode(String body) {
    awaitReplica();
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_REQUEST");
  }

  @Test
  void theDecisionPointNeedsATokenAndSaysSo() {
    web.post()
        .uri("/access/v1/evaluation")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PURCHASE.formatted("8000", ""))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void aClientNeedsThePdpClientRole() {
    awaitReplica();
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(TestIssuer.token("service-account-zaaksysteem")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PURCHASE.formatted("8000", ""))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PDP_CLIENT_REQUIRED");
    web.post()
        .uri("/access/v1/evaluation")
        .headers(
            h ->
                h.setBearerAuth(TestIssuer.token("service-account-mandaat-internal", "pdp-client")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PURCHASE.formatted("8000", ""))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aRevisionNotYetReachedIsWaitedForThenRefusedWithRetryAfter() {
    evaluate(PURCHASE.formatted("8000", ", \"minRevision\": 1000000"))
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("REGISTER_UNAVAILABLE");
  }

  @Test
  void aBatchKeepsItsOrderAndStopsOnTheFirstDenyWhenAsked() {
    awaitReplica();
    String batch =
        """
        { "subject": { "type": "user", "id": "tm-omgeving" },
          "action": { "name": "decide" },
          "context": { "time": "2026-11-28T10:00:00Z" },
          "options": { "evaluations_semantic": "%s" },
          "evaluations": [
            { "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 100, "orgUnit": "vergunningen" } } },
            { "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 20000, "orgUnit": "vergunningen" } } },
            { "subject": { "type": "user", "id": "ah-vergunningen" },
              "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 20000, "orgUnit": "vergunningen" } } } ] }
        """;
    web.post()
        .uri("/access/v1/evaluations")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(batch.formatted("execute_all"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.evaluations.length()")
        .isEqualTo(3)
        .jsonPath("$.evaluations[*].decision")
        .isEqualTo(List.of(true, false, true));
    web.post()
        .uri("/access/v1/evaluations")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(batch.formatted("deny_on_first_deny"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.evaluations[*].decision")
        .isEqualTo(List.of(true, false));
  }

  @Test
  void whoMayDecideListsPositionsOrThePersonsHoldingThem() {
    awaitReplica();
    String search =
        """
        { "subject": { "type": "%s" }, "action": { "name": "decide" },
          "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                        "properties": { "orgUnit": "vergunningen", "amount": 8000 } },
          "context": { "time": "2026-11-28T10:00:00Z" } }
        """;
    web.post()
        .uri("/access/v1/search/subject")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(search.formatted("position"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.results[0].type")
        .isEqualTo("position")
        .jsonPath("$.results[?(@.id == 'teammanager-omgeving')].properties.holders[0]")
        .isEqualTo(List.of("tm-omgeving"));
    web.post()
        .uri("/access/v1/search/subject")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(search.formatted("user"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.results[?(@.id == 'tm-omgeving')].type")
        .isEqualTo(List.of("user"));
  }

  @Test
  void whatMayThisSubjectDecideListsTypesWithCeilingsAndChains() {
    awaitReplica();
    web.post()
        .uri("/access/v1/search/resource")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            { "subject": { "type": "user", "id": "tm-omgeving" }, "action": { "name": "decide" },
              "resource": { "type": "decision-type" },
              "context": { "time": "2026-11-28T10:00:00Z" } }
            """)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.results[?(@.id == 'inkoop-overeenkomst')].properties.ceiling")
        .isEqualTo(List.of(10000.0));
  }

  /** The four endpoints, a question for each, and who asks it. */
  static List<Arguments> laneQuestions() {
    String evaluation = PURCHASE.formatted("8000", "");
    String deny = PURCHASE.formatted("99999", "");
    String batch =
        """
        { "subject": { "type": "user", "id": "tm-omgeving" }, "action": { "name": "decide" },
          "context": { "time": "2026-11-28T10:00:00Z" },
          "evaluations": [
            { "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 100, "orgUnit": "vergunningen" } } },
            { "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 20000, "orgUnit": "vergunningen" } } } ] }
        """;
    String subjects =
        """
        { "subject": { "type": "position" }, "action": { "name": "decide" },
          "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                        "properties": { "orgUnit": "vergunningen", "amount": 8000 } },
          "context": { "time": "2026-11-28T10:00:00Z" } }
        """;
    String resources =
        """
        { "subject": { "type": "user", "id": "tm-omgeving" }, "action": { "name": "decide" },
          "resource": { "type": "decision-type" }, "context": { "time": "2026-11-28T10:00:00Z" } }
        """;
    String manager = TestIssuer.token("tm-omgeving", "manager");
    String client = TestIssuer.token("service-account-zaaksysteem");
    String tampered = manager.substring(0, manager.length() - 4) + "AAAA";
    return List.of(
        Arguments.of("/access/v1/evaluation", evaluation, manager),
        Arguments.of("/access/v1/evaluation", deny, manager),
        Arguments.of("/access/v1/evaluation", "{}", manager),
        Arguments.of("/access/v1/evaluation", "", manager),
        Arguments.of("/access/v1/evaluation", evaluation, client),
        Arguments.of("/access/v1/evaluation", evaluation, tampered),
        Arguments.of("/access/v1/evaluation", evaluation, "not a token"),
        Arguments.of("/access/v1/evaluations", batch, manager),
        Arguments.of("/access/v1/search/subject", subjects, manager),
        Arguments.of("/access/v1/search/resource", resources, manager));
  }

  /**
   * A bearer request to an endpoint written exactly takes the Reactor Netty lane; the same request
   * with a query string goes through WebFlux and its security chain. Both must answer alike:
   * status, problem code, WWW-Authenticate, security headers and body.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("laneQuestions")
  void theLaneAnswersExactlyAsWebFluxDoes(String path, String body, String token) {
    awaitReplica();
    double before = laneCount(path);

    WebClientAnswer lane = post(path, body, token);
    WebClientAnswer webFlux = post(path + "?via=webflux", body, token);

    assertThat(laneCount(path)).as("answered by the lane").isEqualTo(before + 1);
    assertThat(lane.status()).isEqualTo(webFlux.status());
    assertThat(lane.contentType()).isEqualTo(webFlux.contentType());
    for (String header :
        List.of(
            HttpHeaders.WWW_AUTHENTICATE,
            HttpHeaders.CACHE_CONTROL,
            "X-Content-Type-Options",
            "X-Frame-Options")) {
      assertThat(lane.headers().get(header)).as(header).isEqualTo(webFlux.headers().get(header));
    }
    assertThat(lane.json()).isEqualTo(webFlux.json());
  }

  @Test
  void theLaneRefusesABodyOverItsBoundWhateverTheFraming() {
    awaitReplica();
    String padding = "x".repeat(300 * 1024);
    String tooLarge = PURCHASE.formatted("8000", ", \"pad\": \"" + padding + "\"");
    String token = TestIssuer.token("tm-omgeving", "manager");

    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(tooLarge)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BODY_TOO_LARGE");

    // Chunked: no Content-Length to refuse it by; the count while reading does.
    Flux<DataBuffer> chunks =
        Flux.range(0, 40)
            .map(
                i ->
                    DefaultDataBufferFactory.sharedInstance.wrap(
                        (i == 0 ? "{\"pad\":\"" : "")
                            .concat("y".repeat(8 * 1024))
                            .getBytes(StandardCharsets.UTF_8)));
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BODY_TOO_LARGE");
  }

  /** curl sends a body over 1 KB only after {@code 100 Continue}: the lane must ask for it. */
  @Test
  void theLaneAnswersAClientThatWaitsForContinue() {
    awaitReplica();
    String padded = PURCHASE.formatted("8000", ", \"traceparent\": \"" + "0".repeat(2000) + "\"");

    String exchange =
        RawHttp.postExpectingContinue(
            port, "/access/v1/evaluation", TestIssuer.token("tm-omgeving", "manager"), padded);

    assertThat(exchange).startsWith("HTTP/1.1 100");
    assertThat(exchange).contains("HTTP/1.1 200").contains("\"decision\":true");
  }

  private record WebClientAnswer(
      int status, String contentType, HttpHeaders headers, JsonNode json) {}

  private WebClientAnswer post(String path, String body, String token) {
    var result =
        web.post()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();
    return new WebClientAnswer(
        result.getStatus().value(),
        String.valueOf(result.getResponseHeaders().getContentType()),
        result.getResponseHeaders(),
        result.getResponseBody());
  }

  private double laneCount(String path) {
    return meters.find("mandaat.decision_point.requests").tag("uri", path).timers().stream()
        .mapToDouble(Timer::count)
        .sum();
  }

  @Test
  void theConfigurationIsPublishedWithoutAToken() {
    web.get()
        .uri("/.well-known/authzen-configuration")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.access_evaluation_endpoint")
        .value(s -> assertThat((String) s).endsWith("/access/v1/evaluation"))
        .jsonPath("$.search_resource_endpoint")
        .value(s -> assertThat((String) s).endsWith("/access/v1/search/resource"));
  }

  @Test
  void everyDenyIsRecordedWithWhoAskedTheQuestionAndTheRevision() {
    evaluate(
            """
            { "subject": { "type": "user", "id": "tm-omgeving" },
              "action": { "name": "decide", "properties": { "processing_activity_id": "pa-77" } },
              "resource": { "type": "decision-type", "id": "inkoop-overeenkomst",
                            "properties": { "amount": 99999, "orgUnit": "vergunningen" } },
              "context": { "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" } }
            """)
        .expectStatus()
        .isOk();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                database
                    .sql(
                        "select caller, reason, processing_activity, traceparent,"
                            + " question->'resource'->'properties'->>'amount' as amount"
                            + " from decision_log where processing_activity = 'pa-77'")
                    .fetch()
                    .all()
                    .collectList()
                    .as(StepVerifier::create)
                    .assertNext(
                        rows -> {
                          assertThat(rows).hasSize(1);
                          assertThat(rows.get(0))
                              .containsEntry("caller", "tm-omgeving")
                              .containsEntry("reason", "CEILING_EXCEEDED")
                              .containsEntry(
                                  "traceparent",
                                  "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                              .containsEntry("amount", "99999");
                        })
                    .verifyComplete());
  }

  @Test
  void aMandateRouteForwardsAPermittedRequestWithTheRevision() {
    awaitReplica();
    web.post()
        .uri("/apps/subsidies/subsidies/aanvragen")
        .headers(h -> h.setBearerAuth(TestIssuer.token("ah-subsidies", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(APPLICATION)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .exists("X-Register-Revision")
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("subsidies")
        .jsonPath("$.revision")
        .isNotEmpty()
        .jsonPath("$.bodyLength")
        .isEqualTo(APPLICATION.length());
  }

  @Test
  void aMandateRouteRefusesAboveTheCeilingAndNeverForwards() {
    awaitReplica();
    web.post()
        .uri("/apps/subsidies/subsidies/boven-plafond")
        .headers(h -> h.setBearerAuth(TestIssuer.token("ah-subsidies", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":25000.01}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CEILING_EXCEEDED")
        .jsonPath("$.failedAt.grantId")
        .isEqualTo("G08-afdelingshoofd-subsidies")
        .jsonPath("$.escalateTo")
        .isNotEmpty()
        .jsonPath("$.revision")
        .isNumber();

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.contains("boven-plafond"));
  }

  @Test
  void aPersonWithoutTheMandateIsRefused() {
    awaitReplica();
    web.post()
        .uri("/apps/subsidies/subsidies/zonder-mandaat")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":100}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NO_MANDATE");

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.contains("zonder-mandaat"));
  }

  @Test
  void aTokenOfSomeoneWhoIsNoPersonInTheRegisterIsRefusedClearly() {
    awaitReplica();
    web.post()
        .uri("/apps/subsidies/subsidies/onbekend")
        .headers(h -> h.setBearerAuth(TestIssuer.token("stranger", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":100}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_PERSON");

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.contains("onbekend"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"amount\":null}",
        "{\"amount\":\"veel\"}",
        "{\"amount\":{\"value\":100}}",
        "niet-json",
        "{\"amount\":100,\"amount\":900000}",
        "{\"amount\":100} {\"amount\":900000}"
      })
  void aMandateRouteWithoutAUsableAmountIsRefusedNotAskedAnEasierQuestion(String body) {
    awaitReplica();
    web.post()
        .uri("/apps/subsidies/subsidies/zonder-bedrag")
        .headers(h -> h.setBearerAuth(TestIssuer.token("ah-subsidies", "manager")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .value(
            code ->
                assertThat((String) code).isIn("MISSING_MANDATE_INPUT", "INVALID_MANDATE_INPUT"));

    assertThat(STAND_INS.upstreams().received()).noneMatch(uri -> uri.contains("zonder-bedrag"));
  }

  @Test
  void aRevocationOnTheStreamIsEnforcedFromItsRevisionOn() {
    awaitReplica();
    long granted =
        STAND_INS.mandates().append("GrantRecorded", subsidyMandate("R-route", "medewerker-wi"));
    subsidyRequest("mw-wi", granted).expectStatus().isOk();

    long revoked = revoke("R-route");

    subsidyRequest("mw-wi", revoked)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .valueEquals("X-Register-Revision", Long.toString(revoked))
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("REVOKED");
  }

  /**
   * Issue 6: while a client evaluates in a loop a grant is revoked; no permit through it may carry
   * the revocation's revision or a later one, and from the moment that revision is presented every
   * answer is a deny. Repeated with the revocation at a different point of the loop each round.
   */
  @Test
  void noPermitSurvivesARevocationWhereverItFallsInAStreamOfEvaluations() {
    awaitReplica();
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    String token = TestIssuer.token("service-account-app", "pdp-client");
    Random random = new Random(20261128);
    for (int round = 0; round < 12; round++) {
      String grant = "R-loop-" + round;
      long granted =
          STAND_INS.mandates().append("GrantRecorded", subsidyMandate(grant, "medewerker-wi"));
      Flux<long[]> before = Flux.range(0, 60).flatMap(i -> ask(client, token, granted), 6);
      int revokeAfter = random.nextInt(60);
      long[] revocation = new long[1];
      int turn = round;
      StepVerifier.create(
              before
                  .index()
                  .doOnNext(
                      indexed -> {
                        if (indexed.getT1() == revokeAfter) {
                          revocation[0] = revoke(grant);
                        }
                      })
                  .map(indexed -> indexed.getT2())
                  .collectList())
          .assertNext(
              answers -> {
                assertThat(revocation[0]).isPositive();
                assertThat(answers)
                    .as("round %d: no permit at or after revision %d", turn, revocation[0])
                    .allSatisfy(a -> assertThat(a[0] == 0 || a[1] < revocation[0]).isTrue());
                assertThat(answers)
                    .as("round %d: the grant permitted before", turn)
                    .anyMatch(a -> a[0] == 1);
              })
          .verifyComplete();
      StepVerifier.create(ask(client, token, revocation[0]))
          .assertNext(a -> assertThat(a[0]).isZero())
          .verifyComplete();
    }
  }

  private static Mono<long[]> ask(WebClient client, String token, long minRevision) {
    return client
        .post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            """
            { "subject": { "type": "user", "id": "mw-wi" }, "action": { "name": "decide" },
              "resource": { "type": "decision-type", "id": "subsidie-toekenning",
                            "properties": { "amount": 100, "orgUnit": "wi" } },
              "context": { "minRevision": %d } }
            """
                .formatted(minRevision))
        .retrieve()
        .bodyToMono(JsonNode.class)
        .map(
            answer ->
                new long[] {
                  answer.get("decision").asBoolean() ? 1 : 0,
                  answer.get("context").get("revision").asLong()
                });
  }

  private WebTestClient.ResponseSpec subsidyRequest(String person, long minRevision) {
    return web.post()
        .uri("/apps/subsidies/wi/aanvraag-" + minRevision)
        .headers(
            h -> {
              h.setBearerAuth(TestIssuer.token(person, "medewerker"));
              h.set("X-Min-Revision", Long.toString(minRevision));
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"amount\":100}")
        .exchange();
  }

  private static Grant subsidyMandate(String id, String position) {
    return Grant.builder()
        .id(id)
        .kind(GrantKind.MANDATE)
        .grantor("college")
        .holder(position)
        .decisionTypes("subsidie-toekenning")
        .orgUnits("wi")
        .ceiling("500.00")
        .window(Window.from(DemoMunicipality.START))
        .recordedAt(Instant.now())
        .grantDecisionRef("Mandaatbesluit test")
        .build();
  }

  private static long revoke(String grantId) {
    return STAND_INS
        .mandates()
        .append(
            "GrantRevoked",
            Map.of("grantId", grantId, "revokedAt", Instant.now().toString(), "reason", "test"));
  }
}
