package nl.mandaat.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.org.application.SeedOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The organisation API on the demo municipality. Writes use dates and codes of their own, so the
 * demo as read in 2026 stays as seeded.
 */
@TestPropertySource(properties = "mandaat.db.schema=org_api")
class OrganisationApiIntegrationTests extends DemoOrgService {

  @Value("${local.server.port}")
  int port;

  private void expectRule(WebTestClient.ResponseSpec response, String code) {
    response
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code)
        .jsonPath("$.violations[?(@.code == '" + code + "')]")
        .exists();
  }

  // ---- reads of the demo ----

  @Test
  void theDemoBodiesAreRaadCollegeAndBurgemeester() {
    get("/api/v1/org/bodies")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'raad')].name")
        .isEqualTo("Gemeenteraad")
        .jsonPath("$[?(@.code == 'college')]")
        .exists()
        .jsonPath("$[?(@.code == 'burgemeester')]")
        .exists();
  }

  @Test
  void oneBodyIsReadByItsCode() {
    get("/api/v1/org/bodies/college")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.fullName")
        .isEqualTo("het college van burgemeester en wethouders van Zoetermeer");
  }

  @Test
  void anUnknownBodyIsANotFoundProblem() {
    get("/api/v1/org/bodies/provincie")
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_BODY");
  }

  @Test
  void theDemoUnitsCarryTheirHeadcount() {
    get("/api/v1/org/units/inkoop?at=2026-06-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.headcount")
        .isEqualTo(25)
        .jsonPath("$.parent")
        .isEqualTo("bedrijfsvoering")
        .jsonPath("$.kind")
        .isEqualTo("DEPARTMENT")
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01");
  }

  @Test
  void aUnitNotYetInForceIsANotFoundProblem() {
    get("/api/v1/org/units/inkoop?at=2025-12-31")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_ORG_UNIT");
  }

  @Test
  void theDemoPositionsExistFromTheirFirstDay() {
    get("/api/v1/org/positions?at=2026-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.code == 'teammanager-omgeving')].reportsTo")
        .isEqualTo("afdelingshoofd-vergunningen")
        .jsonPath("$[?(@.code == 'teammanager-omgeving')].unit")
        .isEqualTo("omgevingsvergunningen")
        .jsonPath("$[?(@.code == 'wethouder')].singleHolder")
        .isEqualTo(false);
    get("/api/v1/org/positions?at=2025-12-31").expectStatus().isOk().expectBody().json("[]");
  }

  @Test
  void onePositionIsReadWithItsVersion() {
    get("/api/v1/org/positions/directeur-stad")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unit")
        .isEqualTo("stad")
        .jsonPath("$.reportsTo")
        .isEqualTo("gemeentesecretaris")
        .jsonPath("$.version")
        .isEqualTo(0);
  }

  @Test
  void anUnknownPositionIsANotFoundProblem() {
    get("/api/v1/org/positions/wethouder-van-alles")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_POSITION");
  }

  @Test
  void theDemoPersonsAreListedByUsername() {
    get("/api/v1/org/persons")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.username == 'tm-omgeving')].displayName")
        .isEqualTo("Teammanager Omgevingsvergunningen");
    get("/api/v1/org/persons/ah-vth").expectStatus().isOk();
    get("/api/v1/org/persons/niemand")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_PERSON");
  }

  @Test
  void theDemoAssignmentsAreInForceFrom2026() {
    get("/api/v1/org/assignments?at=2026-06-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.id == 'A-tm-omgeving')].position")
        .isEqualTo("teammanager-omgeving");
    get("/api/v1/org/assignments?at=2025-12-31").expectStatus().isOk().expectBody().json("[]");
    get("/api/v1/org/assignments/A-beheer")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.person")
        .isEqualTo("beheer")
        .jsonPath("$.validFrom")
        .isEqualTo("2026-01-01");
    get("/api/v1/org/assignments/A-niemand")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_ASSIGNMENT");
  }

  @Test
  void theDemoSubstitutionCoversDecemberBothDaysIncluded() {
    String id = "S-ah-vth-vergunningen-2026-12";
    get("/api/v1/org/substitutions?at=2026-11-30").expectStatus().isOk().expectBody().json("[]");
    get("/api/v1/org/substitutions?at=2026-12-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].id")
        .isEqualTo(id);
    get("/api/v1/org/substitutions?at=2026-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].substitute")
        .isEqualTo("ah-vth");
    get("/api/v1/org/substitutions?at=2027-01-01").expectStatus().isOk().expectBody().json("[]");
    get("/api/v1/org/substitutions/" + id)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2026-12-31");
    get("/api/v1/org/substitutions/S-niemand").expectStatus().isNotFound();
  }

  @Test
  void aSubstituteHoldsThePositionOnlyDuringTheSubstitution() {
    get("/api/v1/org/persons/ah-vth/positions?at=2026-11-30")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1)
        .jsonPath("$[0].position")
        .isEqualTo("afdelingshoofd-vth")
        .jsonPath("$[0].via")
        .isEqualTo("ASSIGNMENT");
    for (String day : List.of("2026-12-01", "2026-12-31")) {
      get("/api/v1/org/persons/ah-vth/positions?at=" + day)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.length()")
          .isEqualTo(2)
          .jsonPath("$[?(@.position == 'afdelingshoofd-vergunningen')].via")
          .isEqualTo("SUBSTITUTION")
          .jsonPath("$[?(@.position == 'afdelingshoofd-vergunningen')].unit")
          .isEqualTo("vergunningen");
    }
    get("/api/v1/org/persons/ah-vth/positions?at=2027-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1);
  }

  @Test
  void nobodyHoldsAPositionBeforeTheDemoStarts() {
    get("/api/v1/org/persons/tm-omgeving/positions?at=2025-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void thePositionsOfAnUnknownPersonAreANotFoundProblem() {
    get("/api/v1/org/persons/niemand/positions?at=2026-06-01")
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_PERSON");
  }

  @Test
  void seedingAgainOnARecordedOrganisationWritesNothing() {
    new SeedOrganisation(organisation)
        .seed(DemoMunicipality.register(), DemoMunicipality.START, "beheer")
        .as(StepVerifier::create)
        .expectNext(false)
        .verifyComplete();
  }

  // ---- writes ----

  @Test
  void writesNeedTheRegisterAdministratorRole() {
    post(
            "/api/v1/org/persons",
            Map.of("username", "indringer", "displayName", "Indringer"),
            MEDEWERKER)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
    get("/api/v1/org/persons/indringer").expectStatus().isNotFound();
  }

  @Test
  void aBodyIsRecordedOnceAndReturnsTheRevision() {
    post(
            "/api/v1/org/bodies",
            Map.of("code", "rekenkamer", "name", "Rekenkamer", "fullName", "de rekenkamer"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.revision")
        .isNumber();
    expectRule(
        post(
            "/api/v1/org/bodies",
            Map.of("code", "rekenkamer", "name", "Rekenkamer", "fullName", "de rekenkamer")),
        "DUPLICATE_ID");
  }

  @Test
  void anIncompleteRequestIsABadRequestListingEveryMissingMember() {
    post("/api/v1/org/positions", Map.of("code", "zonder-naam"))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BAD_REQUEST")
        .jsonPath("$.violations[*].field")
        .isEqualTo(List.of("name", "validFrom"));
  }

  @Test
  void malformedJsonIsABadRequest() {
    post("/api/v1/org/positions", "{\"code\": ")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BAD_REQUEST");
  }

  @Test
  void aUnitGetsANewWindowAndThePastStaysAsItWas() {
    post(
            "/api/v1/org/units",
            Map.of(
                "code", "hr",
                "name", "Human Resources",
                "parent", "bedrijfsvoering",
                "kind", "AFDELING",
                "headcount", 45,
                "validFrom", "2032-01-01"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.kind")
        .isEqualTo("DEPARTMENT");
    get("/api/v1/org/units/hr?at=2031-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("HR")
        .jsonPath("$.validTo")
        .isEqualTo("2031-12-31");
    get("/api/v1/org/units/hr?at=2032-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Human Resources")
        .jsonPath("$.validTo")
        .doesNotExist();
  }

  @Test
  void aUnitBelowItsOwnTeamIsRefusedAsACycleAndNothingIsStored() {
    expectRule(
        post(
            "/api/v1/org/units",
            Map.of(
                "code", "stad",
                "name", "Stad",
                "parent", "omgevingsvergunningen",
                "kind", "DIRECTORATE",
                "validFrom", "2031-01-01")),
        "CYCLE");
    get("/api/v1/org/units/stad?at=2031-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("gemeente");
  }

  @Test
  void aUnitUnderAnUnknownParentIsRefusedAndNothingIsStored() {
    expectRule(
        post(
            "/api/v1/org/units",
            Map.of(
                "code", "wijkteam",
                "name", "Wijkteam",
                "parent", "nergens",
                "kind", "TEAM",
                "validFrom", "2026-03-01")),
        "UNKNOWN_ORG_UNIT");
    get("/api/v1/org/units/wijkteam?at=2026-03-01").expectStatus().isNotFound();
  }

  @Test
  void aUnitWindowBeforeARecordedOneIsRefused() {
    expectRule(
        post(
            "/api/v1/org/units",
            Map.of(
                "code", "vth",
                "name", "VTH",
                "parent", "stad",
                "kind", "DEPARTMENT",
                "validFrom", "2025-06-01")),
        "OVERLAPPING_UNIT_WINDOW");
  }

  @Test
  void aPositionInAnUnknownUnitIsRefusedWithEveryViolationAndNothingIsStored() {
    post(
            "/api/v1/org/positions",
            Map.of(
                "code", "adviseur-nergens",
                "name", "Adviseur",
                "unit", "nergens",
                "reportsTo", "niemand",
                "validFrom", "2026-02-01",
                "validTo", "2026-01-31"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.violations[*].code")
        .isEqualTo(List.of("INVALID_WINDOW", "UNKNOWN_ORG_UNIT", "UNKNOWN_POSITION"));
    get("/api/v1/org/positions/adviseur-nergens").expectStatus().isNotFound();
  }

  @Test
  void aPositionWithoutAUnitIsRefused() {
    expectRule(
        post(
            "/api/v1/org/positions",
            Map.of("code", "zwerver", "name", "Zwerver", "validFrom", "2026-02-01")),
        "UNKNOWN_ORG_UNIT");
    get("/api/v1/org/positions/zwerver").expectStatus().isNotFound();
  }

  @Test
  void aTeammanagerUnderAnAfdelingOf25IsStoredWithASmallAfdelingWarning() {
    post(
            "/api/v1/org/positions",
            Map.of(
                "code", "teammanager-inkoop",
                "name", "Teammanager Inkoop",
                "unit", "inkoop",
                "reportsTo", "afdelingshoofd-inkoop",
                "validFrom", "2026-02-01"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.warnings[0].code")
        .isEqualTo("SMALL_AFDELING")
        .jsonPath("$.version")
        .isEqualTo(0);
    get("/api/v1/org/positions/teammanager-inkoop").expectStatus().isOk();
  }

  @Test
  void aTeammanagerUnderALargeAfdelingHasNoWarning() {
    post(
            "/api/v1/org/positions",
            Map.of(
                "code", "teammanager-vergunningen-2",
                "name", "Teammanager Vergunningen 2",
                "unit", "vergunningen",
                "reportsTo", "afdelingshoofd-vergunningen",
                "validFrom", "2026-02-01"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.warnings")
        .isEmpty();
  }

  @Test
  void anAssignmentOutsideThePositionsLifetimeIsRefusedAndNothingIsStored() {
    post(
            "/api/v1/org/positions",
            Map.of(
                "code", "projectleider-2027",
                "name", "Projectleider",
                "unit", "stad",
                "validFrom", "2027-01-01",
                "validTo", "2027-12-31"))
        .expectStatus()
        .isCreated();
    expectRule(
        post(
            "/api/v1/org/assignments",
            Map.of(
                "id", "A-buiten-bestaan",
                "person", "dir-stad",
                "position", "projectleider-2027",
                "validFrom", "2027-06-01",
                "validTo", "2028-01-31")),
        "OUTSIDE_POSITION_LIFETIME");
    get("/api/v1/org/assignments/A-buiten-bestaan").expectStatus().isNotFound();
  }

  @Test
  void aSecondHolderOfASingleHolderPositionIsRefusedAndNothingIsStored() {
    expectRule(
        post(
            "/api/v1/org/assignments",
            Map.of(
                "id", "A-tweede-hoofd",
                "person", "ah-inkoop",
                "position", "afdelingshoofd-hr",
                "validFrom", "2027-01-01")),
        "OVERLAPPING_ASSIGNMENT");
    get("/api/v1/org/assignments/A-tweede-hoofd").expectStatus().isNotFound();
  }

  @Test
  void anAssignmentOfUnknownsListsEveryViolation() {
    post(
            "/api/v1/org/assignments",
            Map.of(
                "id", "A-onbekend",
                "person", "niemand",
                "position", "nergens",
                "validFrom", "2027-01-01"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.violations[*].code")
        .isEqualTo(List.of("UNKNOWN_PERSON", "UNKNOWN_POSITION"));
    get("/api/v1/org/assignments/A-onbekend").expectStatus().isNotFound();
  }

  @Test
  void anAssignmentEndingBeforeItStartsIsAnInvalidWindow() {
    expectRule(
        post(
            "/api/v1/org/assignments",
            Map.of(
                "id", "A-achterstevoren",
                "person", "mw-wi",
                "position", "medewerker-wi",
                "validFrom", "2027-01-01",
                "validTo", "2026-12-31")),
        "INVALID_WINDOW");
    get("/api/v1/org/assignments/A-achterstevoren").expectStatus().isNotFound();
  }

  @Test
  void nobodySubstitutesForAPositionTheyHoldThemselves() {
    expectRule(
        post(
            "/api/v1/org/substitutions",
            Map.of(
                "id", "S-zelf",
                "substitute", "ah-hr",
                "position", "afdelingshoofd-hr",
                "validFrom", "2027-07-01",
                "validTo", "2027-07-31")),
        "SELF_SUBSTITUTION");
    get("/api/v1/org/substitutions/S-zelf").expectStatus().isNotFound();
  }

  @Test
  void aNewPersonIsAssignedAndTheAssignmentEndsOnItsLastDay() {
    post(
            "/api/v1/org/persons",
            Map.of("username", "mw-nieuw", "sub", "1234-abcd", "displayName", "Nieuwe Medewerker"))
        .expectStatus()
        .isCreated();
    post(
            "/api/v1/org/assignments",
            Map.of(
                "id", "A-mw-nieuw",
                "person", "mw-nieuw",
                "position", "medewerker-vergunningen",
                "validFrom", "2026-03-01"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.revision")
        .isNumber();
    web.put()
        .uri("/api/v1/org/assignments/A-mw-nieuw/end")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("validTo", "2026-08-31"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2026-08-31");
    get("/api/v1/org/persons/mw-nieuw/positions?at=2026-02-28")
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
    get("/api/v1/org/persons/mw-nieuw/positions?at=2026-03-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].position")
        .isEqualTo("medewerker-vergunningen");
    get("/api/v1/org/persons/mw-nieuw/positions?at=2026-08-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1);
    get("/api/v1/org/persons/mw-nieuw/positions?at=2026-09-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void endingAnUnknownAssignmentIsANotFoundProblem() {
    web.put()
        .uri("/api/v1/org/assignments/A-niemand/end")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("validTo", "2026-08-31"))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aSubstitutionIsRecordedAndCountsOnlyInItsWindow() {
    post(
            "/api/v1/org/substitutions",
            Map.of(
                "id", "S-ah-inkoop-hr-2027-08",
                "substitute", "ah-inkoop",
                "position", "afdelingshoofd-hr",
                "validFrom", "2027-08-01",
                "validTo", "2027-08-15"))
        .expectStatus()
        .isCreated();
    get("/api/v1/org/persons/ah-inkoop/positions?at=2027-08-15")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.position == 'afdelingshoofd-hr')].via")
        .isEqualTo("SUBSTITUTION");
    get("/api/v1/org/persons/ah-inkoop/positions?at=2027-08-16")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(1);
  }

  private WebTestClient.ResponseSpec endSubstitution(String id, Map<String, Object> body) {
    return web.put()
        .uri("/api/v1/org/substitutions/{id}/end", id)
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void aSubstitutionEndedEarlyCountsUpToItsNewLastDayAndIsPublished() {
    post(
            "/api/v1/org/substitutions",
            Map.of(
                "id", "S-ah-mo-publiek-2027-09",
                "substitute", "ah-mo",
                "position", "afdelingshoofd-publiekszaken",
                "validFrom", "2027-09-01",
                "validTo", "2027-09-30"))
        .expectStatus()
        .isCreated();
    long revision =
        ((Number)
                endSubstitution("S-ah-mo-publiek-2027-09", Map.of("validTo", "2027-09-10"))
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("revision"))
            .longValue();
    get("/api/v1/org/substitutions/S-ah-mo-publiek-2027-09")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2027-09-10");
    get("/api/v1/org/persons/ah-mo/positions?at=2027-09-10")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.position == 'afdelingshoofd-publiekszaken')].via")
        .isEqualTo("SUBSTITUTION");
    get("/api/v1/org/persons/ah-mo/positions?at=2027-09-11")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.position == 'afdelingshoofd-publiekszaken')]")
        .isEmpty();
    organisation
        .events()
        .after(revision - 1)
        .as(StepVerifier::create)
        .assertNext(
            event -> {
              assertThat(event.type()).isEqualTo("SubstitutionEnded");
              assertThat(event.payload())
                  .isEqualTo("{\"id\":\"S-ah-mo-publiek-2027-09\",\"validTo\":\"2027-09-10\"}");
            })
        .verifyComplete();
  }

  @Test
  void aSubstitutionCannotEndBeforeItStartsAndNothingIsStored() {
    post(
            "/api/v1/org/substitutions",
            Map.of(
                "id", "S-ah-hr-inkoop-2027-10",
                "substitute", "ah-hr",
                "position", "afdelingshoofd-inkoop",
                "validFrom", "2027-10-01",
                "validTo", "2027-10-31"))
        .expectStatus()
        .isCreated();
    endSubstitution("S-ah-hr-inkoop-2027-10", Map.of("validTo", "2027-09-30"))
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_WINDOW");
    endSubstitution("S-ah-hr-inkoop-2027-10", Map.of())
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    get("/api/v1/org/substitutions/S-ah-hr-inkoop-2027-10")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.validTo")
        .isEqualTo("2027-10-31");
  }

  @Test
  void endingAnUnknownSubstitutionIsANotFoundProblem() {
    endSubstitution("S-niemand", Map.of("validTo", "2027-01-31"))
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNKNOWN_SUBSTITUTION");
  }

  @Test
  void aChangeAtAStaleVersionIsAConflictAndNothingIsLost() {
    Map<String, Object> change =
        Map.of(
            "name", "Concerncontroller (nieuw)",
            "unit", "gemeente",
            "reportsTo", "gemeentesecretaris",
            "validFrom", "2026-01-01",
            "version", 0);
    web.put()
        .uri("/api/v1/org/positions/concerncontroller")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(change)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(1);
    web.put()
        .uri("/api/v1/org/positions/concerncontroller")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of("name", "Kwijt", "unit", "gemeente", "validFrom", "2026-01-01", "version", 0))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CONFLICT");
    get("/api/v1/org/positions/concerncontroller")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Concerncontroller (nieuw)");
  }

  @Test
  void ofTwoConcurrentChangesToOnePositionOneWinsAndTheOtherIsAConflict() {
    WebClient client = WebClient.create("http://localhost:" + port);
    List<Mono<Integer>> changes = new ArrayList<>();
    AtomicInteger n = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      changes.add(
          client
              .put()
              .uri("/api/v1/org/positions/afdelingshoofd-publiekszaken")
              .headers(h -> h.setBearerAuth(BEHEER))
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(
                  Map.of(
                      "name", "Afdelingshoofd publiekszaken " + n.incrementAndGet(),
                      "unit", "publiekszaken",
                      "reportsTo", "directeur-samenleving",
                      "validFrom", "2026-01-01",
                      "version", 0))
              .exchangeToMono(response -> Mono.just(response.statusCode().value())));
    }
    Flux.merge(changes)
        .collectSortedList()
        .as(StepVerifier::create)
        .assertNext(statuses -> assertThat(statuses).containsExactly(200, 409))
        .verifyComplete();
    get("/api/v1/org/positions/afdelingshoofd-publiekszaken")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(1);
  }

  // ---- import ----

  private WebTestClient.ResponseSpec importCsv(String csv) {
    return web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(csv)
        .exchange();
  }

  @Test
  void aCsvOfPersonsAndAssignmentsIsImportedWhole() {
    importCsv(
            """
            username;displayName;sub;position;validFrom;validTo
            imp-een;Import Een;;medewerker-wi;2026-04-01;
            imp-twee;Import Twee;abc-2;medewerker-vergunningen;2026-04-01;2026-12-31
            imp-drie;Import Drie;;;;
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows")
        .isEqualTo(3)
        .jsonPath("$.persons")
        .isEqualTo(3)
        .jsonPath("$.assignments")
        .isEqualTo(2)
        .jsonPath("$.revision")
        .isNumber();
    get("/api/v1/org/persons/imp-drie").expectStatus().isOk();
    get("/api/v1/org/persons/imp-twee/positions?at=2026-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].position")
        .isEqualTo("medewerker-vergunningen");
    get("/api/v1/org/persons/imp-twee/positions?at=2027-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void aCsvWithBadRowsImportsNothingAndReportsEveryBadRow() {
    importCsv(
            """
            username,displayName,sub,position,validFrom,validTo
            imp-goed,Goed,,medewerker-wi,2026-04-01,
            imp-fout,Fout,,nergens,2026-04-01,
            imp-datum,Datum,,medewerker-wi,1 april,
            imp-goed,Dubbel,,,,
            ,Naamloos,,,,
            imp-hoofd,Hoofd,,afdelingshoofd-hr,2027-01-01,
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("IMPORT_REJECTED")
        .jsonPath("$.rows[*].line")
        .isEqualTo(List.of(3, 4, 5, 6, 7))
        .jsonPath("$.rows[*].code")
        .isEqualTo(
            List.of(
                "UNKNOWN_POSITION",
                "INVALID_DATE",
                "DUPLICATE_ID",
                "REQUIRED",
                "OVERLAPPING_ASSIGNMENT"));
    get("/api/v1/org/persons/imp-goed").expectStatus().isNotFound();
  }

  @Test
  void anXlsxWorkbookIsImportedLikeACsv() throws java.io.IOException {
    byte[] workbook;
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      var sheet = book.createSheet("personen");
      String[][] cells = {
        {"username", "displayName", "position", "validFrom"},
        {"xlsx-een", "Xlsx Een", "medewerker-wi", "2026-05-01"},
      };
      for (int r = 0; r < cells.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < cells[r].length; c++) {
          row.createCell(c).setCellValue(cells[r][c]);
        }
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .bodyValue(workbook)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.assignments")
        .isEqualTo(1);
    get("/api/v1/org/persons/xlsx-een/positions?at=2026-05-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].position")
        .isEqualTo("medewerker-wi");
  }

  @Test
  void anImportNeedsTheRegisterAdministratorRole() {
    web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(MEDEWERKER))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue("username\nimp-indringer\n")
        .exchange()
        .expectStatus()
        .isForbidden();
    get("/api/v1/org/persons/imp-indringer").expectStatus().isNotFound();
  }
}
