package nl.mandaat.support.probe;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mandaat.db.schema=probe")
@AutoConfigureWebTestClient(timeout = "30s")
class ServiceSupportIntegrationTests {

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestIssuer.registerProperties(registry);
  }

  @Autowired WebTestClient web;
  @Autowired DatabaseClient database;

  @Test
  void flywayCreatedAndMigratedTheServiceSchemaAndR2dbcUsesIt() {
    database
        .sql("select current_schema() as schema, count(*) as rows from probe")
        .map(row -> row.get("schema", String.class) + ":" + row.get("rows", Long.class))
        .one()
        .as(StepVerifier::create)
        .expectNext("probe:0")
        .verifyComplete();
  }

  @Test
  void readinessAndLivenessAreUpWithoutAToken() {
    web.get()
        .uri("/actuator/health/readiness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    web.get()
        .uri("/actuator/health/liveness")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreServedAsTextWithoutAToken() {
    web.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
  }

  @Test
  void aRequestWithoutTokenIsChallengedWithBearerAsAProblem() {
    web.get()
        .uri("/api/v1/probe/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHENTICATED")
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  @Test
  void aValidTokenNamesThePersonAndCarriesTheRealmRoles() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth(TestIssuer.token("tm-omgeving", "manager", "medewerker")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("tm-omgeving")
        .jsonPath("$.authorities")
        .value(
            authorities ->
                assertThat(authorities.toString()).contains("ROLE_manager", "ROLE_medewerker"));
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenForAudience("elsewhere", "tm-omgeving")))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenFromOtherIssuer("tm-omgeving")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aTokenSignedByTheIssuerButNamingAnotherIssuerIsRejected() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth(TestIssuer.tokenNamingOtherIssuer("tm-omgeving")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aGarbledTokenIsRejected() {
    web.get()
        .uri("/api/v1/probe/me")
        .headers(h -> h.setBearerAuth("not.a.token"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aRefusalKeepsItsCodeInTheProblem() {
    web.get()
        .uri("/api/v1/probe/refusal")
        .headers(h -> h.setBearerAuth(TestIssuer.token("dir-stad")))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EXCEEDS_PARENT_CEILING")
        .jsonPath("$.detail")
        .isEqualTo("Above the ceiling.");
  }

  @Test
  void anUnknownPathIsANotFoundProblem() {
    web.get()
        .uri("/api/v1/probe/nothing-here")
        .headers(h -> h.setBearerAuth(TestIssuer.token("dir-stad")))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void anUnexpectedFailureIsA500ProblemWithoutInternals() {
    web.get()
        .uri("/api/v1/probe/failure")
        .headers(h -> h.setBearerAuth(TestIssuer.token("dir-stad")))
        .exchange()
        .expectStatus()
        .isEqualTo(500)
        .expectBody(String.class)
        .value(
            body ->
                assertThat(body).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("secret"));
  }
}
