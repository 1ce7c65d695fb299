package nl.mandaat.org;

import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class OrgServiceIntegrationTests extends DemoOrgService {

  @Autowired DatabaseClient database;

  @Test
  void flywayMigratedTheOrgSchema() {
    database
        .sql(
            "select count(*) from information_schema.tables"
                + " where table_schema = 'org' and table_name = 'unit'")
        .map(row -> row.get(0, Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();
  }

  @Test
  void theServiceIsReady() {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreServed() {
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_PLAIN);
  }

  @Test
  void unitsWithoutATokenAreRefusedWithABearerChallenge() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void theDemoUnitsAreInForceInJune2026() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(TestIssuer.token("mw-vergunningen", "medewerker")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(16)
        .jsonPath("$[?(@.code == 'vergunningen')].parent")
        .isEqualTo("stad")
        .jsonPath("$[?(@.code == 'vergunningen')].kind")
        .isEqualTo("DEPARTMENT")
        .jsonPath("$[?(@.code == 'omgevingsvergunningen')].parent")
        .isEqualTo("vergunningen")
        .jsonPath("$[?(@.code == 'gemeente')].name")
        .isEqualTo("Gemeente Zoetermeer")
        .jsonPath("$[?(@.code == 'gemeente')].parent")
        .doesNotExist();
  }

  @Test
  void noUnitIsInForceBeforeTheDemoMunicipalityStarts() {
    web.get()
        .uri("/api/v1/org/units?at=2025-12-31")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("[]");
  }

  @Test
  void aDateThatIsNotADateIsABadRequestProblem() {
    web.get()
        .uri("/api/v1/org/units?at=juni")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BAD_REQUEST");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenForAudience("account", "auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenFromOtherIssuer("auditor")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void theUnitsAreOrderedByCode() {
    web.get()
        .uri("/api/v1/org/units?at=2026-06-01")
        .headers(h -> h.setBearerAuth(TestIssuer.token("auditor", "auditor")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].code")
        .isEqualTo("bedrijfsvoering")
        .jsonPath("$[1].code")
        .isEqualTo("financien")
        .jsonPath("$[15].code")
        .isEqualTo("wi");
  }
}
