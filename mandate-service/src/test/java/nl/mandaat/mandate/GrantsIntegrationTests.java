package nl.mandaat.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.testsupport.MutableClock;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** POST /api/v1/grants and its rules, through HTTP, on the demo municipality (API.md). */
// No expiry notices of their own: they would take sequences between the writes whose revisions
// are counted.
@TestPropertySource(
    properties = {"mandaat.db.schema=mandate_grants", "mandaat.expiry-notices.enabled=false"})
@Import(TestClock.class)
class GrantsIntegrationTests extends DemoMandateService {

  static final String G03_VERGUNNINGEN = "G03-afdelingshoofd-vergunningen";

  @Autowired MutableClock clock;

  @Value("${local.server.port}")
  int port;

  @BeforeEach
  void ordinaryDay() {
    clock.set("2026-11-28T10:00:00Z");
  }

  static Map<String, Object> subMandate(String parent, String holder) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "SUB_MANDATE");
    body.put("parentGrantId", parent);
    body.put("holderPosition", holder);
    body.put("decisionTypes", List.of("inkoop-overeenkomst"));
    body.put("orgUnits", List.of("vergunningen"));
    body.put("ceiling", 10000);
    body.put("validFrom", "2027-01-01");
    body.put("validTo", "2027-12-31");
    body.put("subMandateAllowed", false);
    body.put("instructions", List.of());
    return body;
  }

  static Map<String, Object> mandate(String grantor, String holder, String decisionType) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "MANDATE");
    body.put("grantor", grantor);
    body.put("holderPosition", holder);
    body.put("decisionTypes", List.of(decisionType));
    body.put("validFrom", "2027-01-01");
    body.put("subMandateAllowed", true);
    body.put("grantDecisionRef", "Mandaatbesluit 2027");
    return body;
  }

  static String person(String username) {
    return TestIssuer.token(username, "manager");
  }

  WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
    return web.post()
        .uri("/api/v1/grants")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  String created(String token, Map<String, Object> body) {
    return (String)
        post(token, body)
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
  }

  /** Posts, expects 422 with {@code code} first, and proves nothing was stored. */
  void refused(String token, Map<String, Object> body, String code) {
    long before = revision();
    long grantsBefore = storedGrants();
    post(token, body)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code)
        .jsonPath("$.violations[0].code")
        .isEqualTo(code)
        .jsonPath("$.violations[0].nl")
        .isNotEmpty()
        .jsonPath("$.violations[0].en")
        .isNotEmpty();
    assertThat(revision()).isEqualTo(before);
    database
        .sql("select count(*) from grant_record where not concept")
        .map(row -> row.get(0, Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext(grantsBefore)
        .verifyComplete();
  }

  long storedGrants() {
    return web.get()
                .uri("/api/v1/register?at=2030-01-01")
                .headers(h -> h.setBearerAuth(beheer()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("grants")
            instanceof List<?> grants
        ? grants.size()
        : -1;
  }

  @Test
  void theHolderOfTheParentGrantsASubMandateAndGetsTheNewRevision() {
    long before = revision();
    post(person("ah-vergunningen"), subMandate(G03_VERGUNNINGEN, "teammanager-omgeving"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.id")
        .isNotEmpty()
        .jsonPath("$.revision")
        .isEqualTo((int) before + 1);
    assertThat(revision()).isEqualTo(before + 1);
  }

  @Test
  void aSubMandateAboveTheParentCeilingIsRefused() {
    Map<String, Object> body = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    body.put("ceiling", 50000.01);
    refused(person("ah-vergunningen"), body, "EXCEEDS_PARENT_CEILING");
  }

  @Test
  void aSubMandateAtTheParentCeilingItselfIsAccepted() {
    Map<String, Object> body = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    body.put("ceiling", 50000);
    post(person("ah-vergunningen"), body).expectStatus().isCreated();
  }

  @Test
  void aSubMandateForADecisionTypeOutsideTheParentIsRefused() {
    Map<String, Object> body = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    body.put("decisionTypes", List.of("omgevingsvergunning-regulier"));
    refused(person("ah-vergunningen"), body, "EXCEEDS_PARENT_SCOPE");
  }

  @Test
  void aSubMandateForAUnitOutsideTheParentIsRefused() {
    Map<String, Object> body = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    body.put("orgUnits", List.of("vth"));
    refused(person("ah-vergunningen"), body, "EXCEEDS_PARENT_SCOPE");
  }

  @Test
  void aSubMandateStartingBeforeItsParentIsRefused() {
    Map<String, Object> body = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    body.put("validFrom", "2025-12-31");
    refused(person("ah-vergunningen"), body, "EXCEEDS_PARENT_VALIDITY");
  }

  @Test
  void aSubMandateBelowAGrantThatForbidsItIsRefused() {
    refused(
        person("tm-omgeving"),
        subMandate("G04-teammanager-omgeving", "medewerker-vergunningen"),
        "SUB_MANDATE_NOT_ALLOWED");
  }

  @Test
  void aPersonWhoDoesNotHoldTheParentCannotSubMandateIt() {
    refused(
        person("tm-omgeving"),
        subMandate(G03_VERGUNNINGEN, "medewerker-vergunningen"),
        "NOT_HOLDER");
  }

  @Test
  void aSubstituteCannotGrantASubMandateDuringTheSubstitution() {
    clock.set("2026-12-15T10:00:00Z");
    refused(
        person("ah-vth"),
        subMandate(G03_VERGUNNINGEN, "teammanager-omgeving"),
        "SUBSTITUTE_MAY_NOT_GRANT");
  }

  @Test
  void outsideTheSubstitutionTheSubstituteIsSimplyNotTheHolder() {
    clock.set("2027-01-02T10:00:00Z");
    refused(person("ah-vth"), subMandate(G03_VERGUNNINGEN, "teammanager-omgeving"), "NOT_HOLDER");
  }

  @Test
  void nobodyGrantsASubMandateToThemselves() {
    refused(
        person("ah-vergunningen"),
        subMandate(G03_VERGUNNINGEN, "afdelingshoofd-vergunningen"),
        "SELF_GRANT");
  }

  @Test
  void aSubMandateToSomeoneOutsideTheLineIsRefused() {
    refused(
        person("ah-vergunningen"),
        subMandate(G03_VERGUNNINGEN, "medewerker-wi"),
        "NOT_SUBORDINATE");
  }

  @Test
  void aSubMandateBackUpTheChainIsACycle() {
    refused(person("ah-vergunningen"), subMandate(G03_VERGUNNINGEN, "directeur-stad"), "CYCLE");
  }

  @Test
  void aRegulationCannotBeMandated() {
    refused(
        beheer(),
        mandate("raad", "gemeentesecretaris", "verordening-vaststellen"),
        "NOT_MANDATABLE");
  }

  @Test
  void theBudgetIsReservedToTheRaad() {
    refused(
        beheer(),
        mandate("raad", "gemeentesecretaris", "begroting-vaststellen"),
        "RESERVED_TO_RAAD");
  }

  @Test
  void onlyTheRegisterAdministratorRecordsAMandateOfABody() {
    long before = revision();
    post(person("secretaris"), mandate("college", "directeur-stad", "omgevingsvergunning-regulier"))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NOT_REGISTER_ADMINISTRATOR");
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void aRevocationCascadesFourLevelsDownInOneRevision() {
    clock.set("2027-02-01T09:00:00Z");
    Map<String, Object> root = mandate("college", "directeur-stad", "inkoop-overeenkomst");
    root.put("ceiling", 100000);
    String level1 = created(beheer(), root);
    Map<String, Object> second = subMandate(level1, "afdelingshoofd-vergunningen");
    second.put("ceiling", 40000);
    second.put("subMandateAllowed", true);
    second.put("orgUnits", List.of());
    String level2 = created(person("dir-stad"), second);
    Map<String, Object> third = subMandate(level2, "teammanager-omgeving");
    third.put("ceiling", 20000);
    third.put("subMandateAllowed", true);
    String level3 = created(person("ah-vergunningen"), third);
    Map<String, Object> fourth = subMandate(level3, "medewerker-vergunningen");
    fourth.put("ceiling", 5000);
    fourth.put("orgUnits", List.of("omgevingsvergunningen"));
    String level4 = created(person("tm-omgeving"), fourth);
    long before = revision();

    clock.set("2027-03-01T09:00:00Z");
    web.post()
        .uri("/api/v1/grants/{id}/revocation", level1)
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "reorganisatie", "decisionRef", "Intrekkingsbesluit 2027-03"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.revision")
        .isEqualTo((int) before + 1)
        .jsonPath("$.revoked")
        .isEqualTo(List.of(level1, level2, level3, level4));

    web.get()
        .uri("/api/v1/grants/{id}", level4)
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.grant.status")
        .isEqualTo("REVOKED")
        .jsonPath("$.chain.length()")
        .isEqualTo(4)
        .jsonPath("$.chain[0].id")
        .isEqualTo(level1);
    web.get()
        .uri("/api/v1/grants/{id}", level1)
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectBody()
        .jsonPath("$.subGrants.length()")
        .isEqualTo(3);
  }

  @Test
  void aGrantNobodyKnowsCannotBeRevoked() {
    web.post()
        .uri("/api/v1/grants/{id}/revocation", "no-such-grant")
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "x", "decisionRef", "y"))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_GRANT");
  }

  @Test
  void theRegisterAtADateShowsAGrantExactlyAsItStoodThen() {
    clock.set("2028-02-01T09:00:00Z");
    Map<String, Object> body = mandate("college", "afdelingshoofd-mo", "bijzondere-bijstand");
    body.put("validFrom", "2028-03-01");
    String id = created(beheer(), body);
    clock.set("2028-04-10T09:00:00Z");
    web.post()
        .uri("/api/v1/grants/{id}/revocation", id)
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "beleidswijziging", "decisionRef", "Intrekkingsbesluit"))
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(statusAt(id, "2028-01-31")).isNull();
    assertThat(statusAt(id, "2028-02-01")).isEqualTo("NOT_YET_IN_FORCE");
    assertThat(statusAt(id, "2028-02-29")).isEqualTo("NOT_YET_IN_FORCE");
    assertThat(statusAt(id, "2028-03-01")).isEqualTo("IN_FORCE");
    assertThat(statusAt(id, "2028-04-09")).isEqualTo("IN_FORCE");
    assertThat(statusAt(id, "2028-04-10")).isEqualTo("REVOKED");
    assertThat(statusAt(id, "2028-04-10T08:59:59Z")).isEqualTo("IN_FORCE");
    assertThat(inForceFor("afdelingshoofd-mo", "bijzondere-bijstand", "2028-03-01")).contains(id);
    assertThat(inForceFor("afdelingshoofd-mo", "bijzondere-bijstand", "2028-04-10"))
        .doesNotContain(id);
  }

  @SuppressWarnings("unchecked")
  String statusAt(String id, String at) {
    Map<String, Object> register =
        web.get()
            .uri("/api/v1/register?at={at}", at)
            .headers(h -> h.setBearerAuth(beheer()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return ((List<Map<String, Object>>) register.get("grants"))
        .stream()
            .filter(g -> id.equals(g.get("id")))
            .map(g -> (String) g.get("status"))
            .findFirst()
            .orElse(null);
  }

  @SuppressWarnings("unchecked")
  List<String> inForceFor(String holder, String decisionType, String at) {
    List<Map<String, Object>> grants =
        web
            .get()
            .uri("/api/v1/grants?holder={h}&decisionType={t}&at={at}", holder, decisionType, at)
            .headers(h -> h.setBearerAuth(beheer()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBodyList(Map.class)
            .returnResult()
            .getResponseBody()
            .stream()
            .map(g -> (Map<String, Object>) g)
            .toList();
    return grants.stream().map(g -> (String) g.get("id")).toList();
  }

  record Outcome(int status, long revision, String code, Number ceiling, boolean revocation) {}

  @Test
  @SuppressWarnings("unchecked")
  void concurrentSubMandatesAndARevocationOfTheirParentAreSerialisedAndKeepTheLimits() {
    clock.set("2027-05-01T09:00:00Z");
    Map<String, Object> root = mandate("college", "afdelingshoofd-vergunningen", "woo-besluit");
    root.put("ceiling", 30000);
    String parent = created(beheer(), root);
    long before = revision();
    WebClient client = WebClient.create("http://localhost:" + port);
    String holder = person("ah-vergunningen");
    Flux<Outcome> subMandates =
        Flux.range(1, 24)
            .flatMap(
                i -> {
                  Map<String, Object> body = subMandate(parent, "teammanager-omgeving");
                  body.put("decisionTypes", List.of("woo-besluit"));
                  body.put("ceiling", i * 2000);
                  return client
                      .post()
                      .uri("/api/v1/grants")
                      .headers(h -> h.setBearerAuth(holder))
                      .bodyValue(body)
                      .exchangeToMono(
                          response ->
                              response
                                  .bodyToMono(Map.class)
                                  .map(
                                      answer ->
                                          new Outcome(
                                              response.statusCode().value(),
                                              answer.get("revision") instanceof Number n
                                                  ? n.longValue()
                                                  : -1,
                                              (String) answer.get("code"),
                                              i * 2000,
                                              false)));
                },
                24);
    Mono<Outcome> revocation =
        client
            .post()
            .uri("/api/v1/grants/{id}/revocation", parent)
            .headers(h -> h.setBearerAuth(beheer()))
            .bodyValue(Map.of("reason", "test", "decisionRef", "Intrekking"))
            .exchangeToMono(
                response ->
                    response
                        .bodyToMono(Map.class)
                        .map(
                            answer ->
                                new Outcome(
                                    response.statusCode().value(),
                                    ((Number) answer.get("revision")).longValue(),
                                    null,
                                    null,
                                    true)));
    Flux.merge(subMandates, revocation.delaySubscription(java.time.Duration.ofMillis(20)))
        .collectList()
        .as(StepVerifier::create)
        .assertNext(
            outcomes -> {
              Outcome revoked = outcomes.stream().filter(Outcome::revocation).findFirst().get();
              assertThat(revoked.status()).isEqualTo(200);
              List<Outcome> accepted =
                  outcomes.stream().filter(o -> !o.revocation() && o.status() == 201).toList();
              List<Outcome> refused =
                  outcomes.stream().filter(o -> !o.revocation() && o.status() != 201).toList();
              assertThat(accepted.size() + refused.size()).isEqualTo(24);
              // Every accepted grant stays within the parent's ceiling and before its revocation.
              assertThat(accepted)
                  .allSatisfy(
                      o -> {
                        assertThat(o.ceiling().intValue()).isLessThanOrEqualTo(30000);
                        assertThat(o.revision()).isLessThan(revoked.revision());
                      });
              assertThat(refused)
                  .allSatisfy(
                      o -> {
                        assertThat(o.status()).isEqualTo(422);
                        assertThat(o.code()).isIn("EXCEEDS_PARENT_CEILING", "PARENT_NOT_IN_FORCE");
                      });
              // One revision per committed write, none shared, none skipped.
              List<Long> revisions =
                  java.util.stream.Stream.concat(
                          accepted.stream().map(Outcome::revision),
                          java.util.stream.Stream.of(revoked.revision()))
                      .sorted()
                      .toList();
              assertThat(revisions)
                  .isEqualTo(
                      java.util.stream.LongStream.rangeClosed(before + 1, before + revisions.size())
                          .boxed()
                          .toList());
            })
        .verifyComplete();
    web.get()
        .uri("/api/v1/register/verification")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectBody()
        .jsonPath("$.valid")
        .isEqualTo(true);
  }

  @Test
  void theExportGivesTheRegisterInForceOnADateAsCsvJsonAndPublicHtml() {
    String csv =
        web.get()
            .uri("/api/v1/register/export?format=csv&at=2026-06-01")
            .headers(h -> h.setBearerAuth(beheer()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("text/csv")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv)
        .startsWith("id,kind,parentGrantId,grantor,holder,decisionTypes")
        .contains(
            "G02-directeur-stad,MANDATE,,college,directeur-stad,inkoop-overeenkomst,,250000.00");
    web.get()
        .uri("/api/v1/register/export?format=json&at=2026-06-01")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.id == 'G01-college')].status")
        .isEqualTo(List.of("IN_FORCE"));
    String html =
        web.get()
            .uri("/api/v1/register/export?format=html&at=2026-06-01")
            .headers(h -> h.setBearerAuth(beheer()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("Mandaatregister per 2026-06-01")
        .contains("College van burgemeester en wethouders")
        .contains("Inkoopovereenkomst")
        .doesNotContain("G02-directeur-stad")
        .doesNotContain("recordedAt");
  }

  @Test
  void grantsEndingWithinSixtyAndFourteenDaysAreNoticedPerGrantor() {
    clock.set("2029-01-10T09:00:00Z");
    Map<String, Object> soon = mandate("college", "afdelingshoofd-hr", "aanstelling-personeel");
    soon.put("validFrom", "2029-01-01");
    soon.put("validTo", "2029-01-20");
    String fourteen = created(beheer(), soon);
    Map<String, Object> later = mandate("college", "afdelingshoofd-hr", "woo-besluit");
    later.put("validFrom", "2029-01-01");
    later.put("validTo", "2029-02-19");
    String sixty = created(beheer(), later);
    Map<String, Object> far = mandate("college", "afdelingshoofd-hr", "subsidie-toekenning");
    far.put("validFrom", "2029-01-01");
    far.put("validTo", "2029-03-12");
    created(beheer(), far);

    web.get()
        .uri("/api/v1/register/expiry-notices")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.college.length()")
        .isEqualTo(2)
        .jsonPath("$.college[0].grantId")
        .isEqualTo(fourteen)
        .jsonPath("$.college[0].notice")
        .isEqualTo(14)
        .jsonPath("$.college[0].daysLeft")
        .isEqualTo(10)
        .jsonPath("$.college[1].grantId")
        .isEqualTo(sixty)
        .jsonPath("$.college[1].notice")
        .isEqualTo(60);
  }

  @Test
  void anImportStoresEveryGrantOrNone() {
    clock.set("2029-06-01T09:00:00Z");
    Map<String, Object> first = mandate("college", "afdelingshoofd-inkoop", "inkoop-overeenkomst");
    first.put("id", "IMPORT-1");
    first.put("ceiling", 75000);
    Map<String, Object> wrong = mandate("raad", "afdelingshoofd-inkoop", "begroting-vaststellen");
    long before = revision();
    web.post()
        .uri("/api/v1/register/import")
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("grants", List.of(first, wrong)))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RESERVED_TO_RAAD")
        .jsonPath("$.violations[0].field")
        .isEqualTo("grants[1].decisionTypes");
    assertThat(revision()).isEqualTo(before);

    Map<String, Object> second = mandate("college", "afdelingshoofd-inkoop", "woo-besluit");
    web.post()
        .uri("/api/v1/register/import")
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("grants", List.of(first, second)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.revision")
        .isEqualTo((int) before + 2)
        .jsonPath("$.imported[0]")
        .isEqualTo("IMPORT-1");
    web.get()
        .uri("/api/v1/grants/IMPORT-1")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.grant.ceiling")
        .isEqualTo(75000.0);
  }

  @Test
  void onlyTheRegisterAdministratorImports() {
    web.post()
        .uri("/api/v1/register/import")
        .headers(h -> h.setBearerAuth(person("ah-inkoop")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("grants", List.of()))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aConceptStaysOutsideTheRegisterUntilItIsAdoptedAndThenIsValidatedLikeANewGrant() {
    long before = revision();
    Map<String, Object> tooHigh = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    tooHigh.put("concept", true);
    tooHigh.put("ceiling", 60000);
    tooHigh.put("validFrom", "2026-11-01");
    String refusedConcept = created(person("ah-vergunningen"), tooHigh);
    assertThat(revision()).isEqualTo(before);
    web.get()
        .uri("/api/v1/grants/{id}", refusedConcept)
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.grant.status")
        .isEqualTo("CONCEPT");
    web.post()
        .uri("/api/v1/grants/{id}/adoption", refusedConcept)
        .headers(h -> h.setBearerAuth(person("ah-vergunningen")))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_CEILING");
    assertThat(revision()).isEqualTo(before);

    Map<String, Object> fine = subMandate(G03_VERGUNNINGEN, "teammanager-omgeving");
    fine.put("concept", true);
    fine.put("validFrom", "2026-11-01");
    String concept = created(person("ah-vergunningen"), fine);
    assertThat(inForceFor("teammanager-omgeving", "inkoop-overeenkomst", "2026-11-28"))
        .doesNotContain(concept);
    web.post()
        .uri("/api/v1/grants/{id}/adoption", concept)
        .headers(h -> h.setBearerAuth(person("ah-vergunningen")))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.revision")
        .isEqualTo((int) before + 1);
    assertThat(inForceFor("teammanager-omgeving", "inkoop-overeenkomst", "2026-11-28"))
        .contains(concept);
    web.post()
        .uri("/api/v1/grants/{id}/adoption", concept)
        .headers(h -> h.setBearerAuth(person("ah-vergunningen")))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_CONCEPT");
  }

  @Test
  void theCatalogueCarriesTheZgwFields() {
    web.get()
        .uri("/api/v1/decision-types")
        .headers(h -> h.setBearerAuth(person("mw-wi")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'verordening-vaststellen')].mandatable")
        .isEqualTo(List.of(false))
        .jsonPath("$[?(@.code == 'begroting-vaststellen')].reservedToRaad")
        .isEqualTo(List.of(true))
        .jsonPath("$[?(@.code == 'inkoop-overeenkomst')].beginGeldigheid")
        .isEqualTo(List.of("2026-01-01"));
  }
}
