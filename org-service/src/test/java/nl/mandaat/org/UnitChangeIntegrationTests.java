package nl.mandaat.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * {@code PUT /api/v1/org/units/{code}} on the demo municipality: effective-dated changes (a new
 * window), closings (the latest window rewritten), the rules of creation, 404, 403, 409 and the
 * outbox event. Each test changes a unit of its own.
 */
@TestPropertySource(properties = "mandaat.db.schema=org_unit_change")
class UnitChangeIntegrationTests extends DemoOrgService {

  private WebTestClient.ResponseSpec put(String code, Map<String, Object> body, String token) {
    return web.put()
        .uri("/api/v1/org/units/" + code)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static Map<String, Object> unit(
      String name, String parent, String kind, int headcount, String validFrom, long version) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    if (parent != null) {
      body.put("parent", parent);
    }
    body.put("kind", kind);
    body.put("headcount", headcount);
    body.put("validFrom", validFrom);
    body.put("version", version);
    return body;
  }

  /** Records unit {@code code} through POST; {@code validTo} may be null. */
  private void newUnit(String code, String parent, String kind, String validFrom, String validTo) {
    Map<String, Object> body = unit(code, parent, kind, 10, validFrom, 0);
    body.remove("version");
    body.put("code", code);
    if (validTo != null) {
      body.put("validTo", validTo);
    }
    post("/api/v1/org/units", body).expectStatus().isCreated();
  }

  private void newPosition(String code, String unit, String validTo) {
    postPosition(code, unit, validTo).expectStatus().isCreated();
  }

  /** POSTs position {@code code} in {@code unit} from 2026-01-01; {@code validTo} may be null. */
  private WebTestClient.ResponseSpec postPosition(String code, String unit, String validTo) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", code);
    body.put("unit", unit);
    body.put("validFrom", "2026-01-01");
    if (validTo != null) {
      body.put("validTo", validTo);
    }
    return post("/api/v1/org/positions", body);
  }

  /** Gives position {@code code} the last day {@code validTo}, as it stands otherwise. */
  private void endPosition(String code, String validTo) {
    changePositionEnd(code, validTo).expectStatus().isOk();
  }

  /** PUTs position {@code code} as it stands, with the last day {@code validTo} (null: none). */
  private WebTestClient.ResponseSpec changePositionEnd(String code, String validTo) {
    @SuppressWarnings("unchecked")
    Map<String, Object> position =
        get("/api/v1/org/positions/" + code)
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    Map<String, Object> body = new HashMap<>(position);
    body.put("validTo", validTo);
    return web.put()
        .uri("/api/v1/org/positions/" + code)
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** Closes unit {@code code} (its latest window starts {@code validFrom}) on {@code validTo}. */
  private WebTestClient.ResponseSpec close(
      String code, String parent, String kind, String validFrom, String validTo) {
    Map<String, Object> body = unit(code, parent, kind, 10, validFrom, version(code, validFrom));
    body.put("validTo", validTo);
    return put(code, body, BEHEER);
  }

  private long version(String code, String at) {
    Number version =
        (Number)
            get("/api/v1/org/units/" + code + "?at=" + at)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("version");
    return version.longValue();
  }

  @Test
  void aRenameIsANewWindowThePastKeepsTheOldNameAndBothWindowsAreOnTheStream() {
    long version = version("financien", "2026-06-01");
    Map<?, ?> changed =
        put(
                "financien",
                unit(
                    "Financiën & Control",
                    "bedrijfsvoering",
                    "DEPARTMENT",
                    70,
                    "2030-01-01",
                    version),
                BEHEER)
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(changed.get("name")).isEqualTo("Financiën & Control");
    assertThat(((Number) changed.get("version")).longValue()).isEqualTo(version + 1);
    long revision = ((Number) changed.get("revision")).longValue();

    get("/api/v1/org/units/financien?at=2029-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Financien")
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01")
        .jsonPath("$.validTo")
        .isEqualTo("2029-12-31");
    get("/api/v1/org/units/financien?at=2030-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Financiën & Control")
        .jsonPath("$.validFrom")
        .isEqualTo("2030-01-01")
        .jsonPath("$.validTo")
        .doesNotExist()
        .jsonPath("$.version")
        .isEqualTo((int) (version + 1));

    organisation
        .events()
        .after(revision - 2)
        .as(StepVerifier::create)
        .assertNext(
            event -> {
              assertThat(event.type()).isEqualTo("UnitRecorded");
              assertThat(event.actor()).isEqualTo("beheer");
              assertThat(event.payload())
                  .contains("\"code\":\"financien\"")
                  .contains("\"name\":\"Financien\"")
                  .contains("\"validFrom\":\"2026-01-01\"")
                  .contains("\"validTo\":\"2029-12-31\"");
            })
        .assertNext(
            event -> {
              assertThat(event.sequence()).isEqualTo(revision);
              assertThat(event.type()).isEqualTo("UnitRecorded");
              assertThat(event.payload())
                  .contains("\"code\":\"financien\"")
                  .contains("\"name\":\"Financiën & Control\"")
                  .contains("\"parentCode\":\"bedrijfsvoering\"")
                  .contains("\"kind\":\"AFDELING\"")
                  .contains("\"validFrom\":\"2030-01-01\"")
                  .doesNotContain("validTo");
            })
        .verifyComplete();
  }

  @Test
  void aMoveToAnotherParentHoldsFromItsDateOnly() {
    long version = version("inkoop", "2026-06-01");
    put("inkoop", unit("Inkoop", "stad", "DEPARTMENT", 25, "2030-02-01", version), BEHEER)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("stad");
    get("/api/v1/org/units/inkoop?at=2030-01-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("bedrijfsvoering");
    get("/api/v1/org/units?at=2030-02-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'inkoop')].parent")
        .isEqualTo("stad");
    get("/api/v1/org/units?at=2026-06-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'inkoop')].parent")
        .isEqualTo("bedrijfsvoering");
  }

  @Test
  void aUnitIsClosedByGivingItsLatestWindowAnEnd() {
    long version = version("subsidies", "2026-06-01");
    Map<String, Object> body =
        unit("Samenleving & Subsidies", "samenleving", "DEPARTMENT", 40, "2026-01-01", version);
    body.put("validTo", "2030-06-30");
    // Its afdelingshoofd first: a unit is not closed below a position that outlives it.
    put("subsidies", body, BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNIT_HAS_OPEN_POSITIONS");
    endPosition("afdelingshoofd-subsidies", "2030-06-30");
    put("subsidies", body, BEHEER)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2030-06-30");
    get("/api/v1/org/units/subsidies?at=2030-06-30")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2030-06-30");
    get("/api/v1/org/units/subsidies?at=2030-07-01")
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_ORG_UNIT");
    get("/api/v1/org/units?at=2030-07-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'subsidies')]")
        .isEmpty();
  }

  @Test
  void aMoveBelowItsOwnAfdelingIsACycleAndNothingIsStored() {
    long version = version("stad", "2026-06-01");
    put("stad", unit("Stad", "vergunningen", "DIRECTORATE", 380, "2030-03-01", version), BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CYCLE")
        .jsonPath("$.violations[0].field")
        .isEqualTo("parent");
    get("/api/v1/org/units/stad?at=2030-03-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("gemeente")
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01")
        .jsonPath("$.validTo")
        .doesNotExist()
        .jsonPath("$.version")
        .isEqualTo((int) version);
  }

  @Test
  void everyViolationIsListedAndNothingIsStored() {
    long version = version("vth", "2026-06-01");
    Map<String, Object> body = unit("VTH", "nergens", "DEPARTMENT", 45, "2030-04-01", version);
    body.put("validTo", "2030-03-01");
    put("vth", body, BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.violations.length()")
        .isEqualTo(2)
        .jsonPath("$.violations[?(@.code == 'INVALID_WINDOW')]")
        .exists()
        .jsonPath("$.violations[?(@.code == 'UNKNOWN_ORG_UNIT')]")
        .exists();
    put("vth", unit("VTH", "stad", "DEPARTMENT", 45, "2025-06-01", version), BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("OVERLAPPING_UNIT_WINDOW");
    get("/api/v1/org/units/vth?at=2030-04-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Toezicht & Handhaving")
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01")
        .jsonPath("$.version")
        .isEqualTo((int) version);
  }

  @Test
  void anUnknownUnitIsANotFoundProblem() {
    put("nergens", unit("Nergens", "gemeente", "DEPARTMENT", 1, "2030-01-01", 0), BEHEER)
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_ORG_UNIT");
    get("/api/v1/org/units/nergens?at=2030-01-01").expectStatus().isNotFound();
  }

  @Test
  void aChangeNeedsTheRegisterAdministratorRoleAndNothingIsStored() {
    long version = version("juridische-zaken", "2026-06-01");
    put(
            "juridische-zaken",
            unit("Juridisch", "bedrijfsvoering", "DEPARTMENT", 35, "2030-01-01", version),
            MEDEWERKER)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
    get("/api/v1/org/units/juridische-zaken?at=2030-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Juridische Zaken")
        .jsonPath("$.version")
        .isEqualTo((int) version);
  }

  @Test
  void aChangeAtAStaleVersionIsAConflictAndTheFirstChangeStands() {
    long version = version("publiekszaken", "2026-06-01");
    put(
            "publiekszaken",
            unit("Publiek", "samenleving", "DEPARTMENT", 80, "2030-05-01", version),
            BEHEER)
        .expectStatus()
        .isOk();
    put(
            "publiekszaken",
            unit("Burgerzaken", "samenleving", "DEPARTMENT", 80, "2030-06-01", version),
            BEHEER)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CONFLICT");
    get("/api/v1/org/units/publiekszaken?at=2030-06-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Publiek")
        .jsonPath("$.validFrom")
        .isEqualTo("2030-05-01")
        .jsonPath("$.version")
        .isEqualTo((int) (version + 1));
  }

  @Test
  void aChangeWithoutAVersionIsABadRequest() {
    Map<String, Object> body = unit("MO", "samenleving", "DEPARTMENT", 90, "2030-01-01", 0);
    body.remove("version");
    put("mo", body, BEHEER)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.violations[0].field")
        .isEqualTo("version");
  }

  @Test
  void closingAUnitWhileATeamOrAPositionOutlivesItByADayIsRefusedAndNothingIsStored() {
    newUnit("archief", "bedrijfsvoering", "DEPARTMENT", "2026-01-01", null);
    newUnit("archief-team", "archief", "TEAM", "2026-01-01", "2030-07-01");
    newPosition("archivaris", "archief", "2030-07-01");
    long version = version("archief", "2026-06-01");
    long head = organisation.events().head().block();

    close("archief", "bedrijfsvoering", "DEPARTMENT", "2026-01-01", "2030-06-30")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNIT_HAS_OPEN_CHILDREN")
        .jsonPath("$.violations[*].code")
        .isEqualTo(List.of("UNIT_HAS_OPEN_CHILDREN", "UNIT_HAS_OPEN_POSITIONS"))
        .jsonPath("$.violations[0].field")
        .isEqualTo("validTo")
        .jsonPath("$.violations[0].message")
        .value(message -> assertThat((String) message).contains("archief-team (until 2030-07-01)"))
        .jsonPath("$.violations[1].message")
        .value(message -> assertThat((String) message).contains("archivaris (until 2030-07-01)"));
    get("/api/v1/org/units/archief?at=2030-07-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .doesNotExist()
        .jsonPath("$.version")
        .isEqualTo((int) version);
    assertThat(organisation.events().head().block()).isEqualTo(head);

    // The team ends the same day: only the position still holds the closing back.
    close("archief-team", "archief", "TEAM", "2026-01-01", "2030-06-30").expectStatus().isOk();
    close("archief", "bedrijfsvoering", "DEPARTMENT", "2026-01-01", "2030-06-30")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.violations[*].code")
        .isEqualTo(List.of("UNIT_HAS_OPEN_POSITIONS"));

    endPosition("archivaris", "2030-06-30");
    close("archief", "bedrijfsvoering", "DEPARTMENT", "2026-01-01", "2030-06-30")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2030-06-30");
    get("/api/v1/org/units/archief?at=2030-07-01").expectStatus().isNotFound();
  }

  @Test
  void aNewWindowThatEndsTheUnitIsCheckedAsAClosingAlsoThroughPost() {
    long version = version("vth", "2026-06-01");
    Map<String, Object> body =
        unit("Toezicht & Handhaving", "stad", "DEPARTMENT", 45, "2031-01-01", version);
    body.put("validTo", "2031-12-31");
    put("vth", body, BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNIT_HAS_OPEN_POSITIONS")
        .jsonPath("$.violations[0].message")
        .value(message -> assertThat((String) message).contains("afdelingshoofd-vth"));
    body.remove("version");
    body.put("code", "vth");
    post("/api/v1/org/units", body)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNIT_HAS_OPEN_POSITIONS");
    get("/api/v1/org/units/vth?at=2031-06-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01")
        .jsonPath("$.version")
        .isEqualTo((int) version);
  }

  @Test
  void aMoveBelowAUnitThatEndsEarlierIsRefusedAndAllowedWhenItEndsTheSameDay() {
    newUnit("kwartiermaker", "gemeente", "DIRECTORATE", "2026-01-01", "2031-12-31");
    newUnit("programma", "gemeente", "DEPARTMENT", "2026-01-01", null);
    long version = version("programma", "2026-06-01");

    put(
            "programma",
            unit("programma", "kwartiermaker", "DEPARTMENT", 10, "2030-01-01", version),
            BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_VALIDITY")
        .jsonPath("$.violations[0].message")
        .value(message -> assertThat((String) message).contains("from 2032-01-01"));
    get("/api/v1/org/units/programma?at=2030-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("gemeente")
        .jsonPath("$.version")
        .isEqualTo((int) version);

    Map<String, Object> body =
        unit("programma", "kwartiermaker", "DEPARTMENT", 10, "2030-01-01", version);
    body.put("validTo", "2031-12-31");
    put("programma", body, BEHEER)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("kwartiermaker");
  }

  @Test
  void aMoveThatMakesACycleOnALaterDateIsRefused() {
    newUnit("cluster-a", "gemeente", "DIRECTORATE", "2026-01-01", null);
    newUnit("cluster-b", "gemeente", "DIRECTORATE", "2026-01-01", null);
    // From 2032 cluster-b hangs below cluster-a.
    newUnit("cluster-b", "cluster-a", "DIRECTORATE", "2032-01-01", null);
    long version = version("cluster-a", "2026-06-01");

    put(
            "cluster-a",
            unit("cluster-a", "cluster-b", "DIRECTORATE", 10, "2031-01-01", version),
            BEHEER)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CYCLE")
        .jsonPath("$.violations[0].message")
        .value(message -> assertThat((String) message).contains("2032-01-01"));
    get("/api/v1/org/units/cluster-a?at=2031-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("gemeente");
  }

  // ---- a position lies within its unit's lifetime on every day, not only on its validFrom ----

  @Test
  void aPositionMayEndOnItsUnitsLastDayButNotADayLaterThroughPostOrPut() {
    newUnit("projectbureau", "stad", "DEPARTMENT", "2026-01-01", "2030-12-31");
    long head = organisation.events().head().block();

    postPosition("projectleider", "projectbureau", "2031-01-01")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_VALIDITY")
        .jsonPath("$.violations[0].field")
        .isEqualTo("validTo")
        .jsonPath("$.violations[0].message")
        .value(
            message ->
                assertThat((String) message)
                    .contains("Unit projectbureau ends on 2030-12-31")
                    .contains("position projectleider runs until 2031-01-01"));
    get("/api/v1/org/positions/projectleider").expectStatus().isNotFound();
    assertThat(organisation.events().head().block()).isEqualTo(head);

    newPosition("projectleider", "projectbureau", "2030-12-31");
    changePositionEnd("projectleider", "2031-01-01")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_VALIDITY");
    get("/api/v1/org/positions/projectleider")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2030-12-31")
        .jsonPath("$.version")
        .isEqualTo(0);
  }

  @Test
  void anOpenEndedPositionInAUnitThatClosesIsRefused() {
    newUnit("verkiezingen", "samenleving", "DEPARTMENT", "2026-01-01", "2027-03-31");
    postPosition("coordinator-verkiezingen", "verkiezingen", null)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_VALIDITY")
        .jsonPath("$.violations[0].message")
        .value(
            message ->
                assertThat((String) message)
                    .contains("Unit verkiezingen ends on 2027-03-31")
                    .contains("coordinator-verkiezingen is open-ended"));
    get("/api/v1/org/positions/coordinator-verkiezingen").expectStatus().isNotFound();
  }

  @Test
  void aPositionOutlivesAUnitWindowThatALaterWindowContinues() {
    newUnit("wijkbeheer", "stad", "DEPARTMENT", "2026-01-01", null);
    // From 2031 wijkbeheer hangs below gemeente: its first window ends on 2030-12-31.
    newUnit("wijkbeheer", "gemeente", "DEPARTMENT", "2031-01-01", null);
    get("/api/v1/org/units/wijkbeheer?at=2030-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2030-12-31");

    newPosition("wijkmanager", "wijkbeheer", null);
    get("/api/v1/org/positions/wijkmanager")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unit")
        .isEqualTo("wijkbeheer");
  }
}
