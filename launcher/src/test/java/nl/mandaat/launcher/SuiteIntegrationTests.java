package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole suite as {@code ./mandaat run} starts it: every service jar of this checkout, embedded
 * PostgreSQL and the real Keycloak (or the in-process issuer), on offset ports; a request through
 * the gateway with and without a token; then SIGTERM and no process left.
 */
class SuiteIntegrationTests {

  private static final Duration READY = Duration.ofSeconds(300);
  private static final Duration STOP = Duration.ofSeconds(200);

  /** How long mandate-service may take to apply an event of org-service's stream. */
  private static final Duration ORGANISATION_FOLLOWED = Duration.ofSeconds(15);

  @Test
  @Timeout(600)
  void theSuiteWithKeycloakAnswersThroughTheGatewayAndStopsWithoutOrphans() throws Exception {
    runSuite(300, List.of());
  }

  @Test
  @Timeout(600)
  void theSuiteWithTheInProcessIssuerAnswersThroughTheGatewayAndStopsWithoutOrphans()
      throws Exception {
    runSuite(400, List.of("--no-keycloak"));
  }

  private static void runSuite(int offset, List<String> flags) throws Exception {
    Path root = RealmFixtures.root();
    ServiceJars jars = new ServiceJars(root);
    assertThat(jars.missing())
        .as("service jars (build them with ./mvnw -DskipTests package, or run ./mvnw verify)")
        .isEmpty();
    SuitePorts ports = new SuitePorts(offset);
    for (SuitePorts.NamedPort port : ports.listening(flags.isEmpty())) {
      assertThat(PortCheck.isFree(port.port()))
          .as("port " + port + " free before the test")
          .isTrue();
    }

    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--port-offset", "" + offset, "--no-build", "--report"));
    args.addAll(flags);
    try (LauncherProcess launcher = LauncherProcess.start(root, args.toArray(String[]::new))) {
      assertThat(launcher.awaitReady(READY))
          .as("READY within " + READY + "; stderr: " + launcher.err())
          .isTrue();
      assertThat(launcher.out())
          .containsExactly("READY http://localhost:" + ports.of(ServiceModule.GATEWAY));

      Set<ProcessHandle> started = launcher.started();
      assertThat(started.stream().map(p -> p.info().commandLine().orElse("")))
          .anyMatch(command -> command.contains("org-service.jar"))
          .anyMatch(command -> command.contains("bin/postgres"));
      if (flags.isEmpty()) {
        assertThat(started.stream().map(p -> p.info().commandLine().orElse("")))
            .anyMatch(command -> command.contains("quarkus-run.jar"));
      }

      String token = HttpFixtures.passwordToken(ports.issuer(), "tm-omgeving", "demo");
      URI units = URI.create(ports.gateway() + "/api/v1/org/units?at=2026-06-01");
      HttpResponse<String> withToken = HttpFixtures.get(units, token);
      assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
      assertThat(withToken.body()).contains("vergunningen");
      HttpResponse<String> withoutToken = HttpFixtures.get(units);
      assertThat(withoutToken.statusCode()).isEqualTo(401);

      // The decision point answers from the gateway's replica of the real streams, and a
      // revocation through mandate-service holds there from its revision on.
      URI evaluation = URI.create(ports.gateway() + "/access/v1/evaluation");
      HttpResponse<String> permit = evaluateUntilAnswered(evaluation, token, null);
      assertThat(permit.statusCode()).as(permit.body()).isEqualTo(200);
      assertThat(HttpFixtures.json(permit)).containsEntry("decision", true);
      assertThat(permit.body()).contains("G04-teammanager-omgeving");

      String grantor = HttpFixtures.passwordToken(ports.issuer(), "ah-vergunningen", "demo");
      HttpResponse<String> revoked =
          HttpFixtures.postJson(
              URI.create(ports.gateway() + "/api/v1/grants/G04-teammanager-omgeving/revocation"),
              grantor,
              "{\"reason\":\"suite test\",\"decisionRef\":\"Intrekkingsbesluit test\"}");
      assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
      Object revision = HttpFixtures.json(revoked).get("revision");
      HttpResponse<String> deny = evaluateUntilAnswered(evaluation, token, revision);
      assertThat(deny.statusCode()).as(deny.body()).isEqualTo(200);
      assertThat(HttpFixtures.json(deny)).containsEntry("decision", false);
      assertThat(deny.body()).contains("\"reason\":\"REVOKED\"", "\"revision\":" + revision);

      anAssignmentThroughOrgServiceReachesGrantValidation(ports);

      long resident =
          ProcessTree.residentBytes(started)
              + ProcessTree.residentBytes(List.of(launcherHandle(launcher)));
      System.err.printf(
          "suite (%s) resident: %.2f GiB%n",
          flags.isEmpty() ? "keycloak" : "in-process issuer", resident / (1024.0 * 1024 * 1024));
      assertThat(resident).as("the whole suite stays within 3 GiB resident").isLessThan(3L << 30);

      launcher.stop(STOP);

      List<String> alive =
          started.stream()
              .filter(ProcessHandle::isAlive)
              .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
              .collect(Collectors.toList());
      assertThat(alive).as("processes left after SIGTERM").isEmpty();
      for (SuitePorts.NamedPort port : ports.listening(flags.isEmpty())) {
        assertThat(PortCheck.isFree(port.port())).as("port " + port + " free after stop").isTrue();
      }
    }
  }

  /**
   * A handover in Werk & Inkomen (untouched by the other steps), recorded through org-service: the
   * seed's {@code ah-wi} leaves {@code afdelingshoofd-wi} yesterday and {@code mw-wi} holds it from
   * today. Whether a person may sub-mandate under G09 (college to afdelingshoofd-wi) depends only
   * on that assignment, and mandate-service knows it only from org-service's stream ({@code
   * mandaat.org.uri}): the same sub-mandate is accepted for ah-wi and refused {@code NOT_HOLDER}
   * for mw-wi before the change, and the other way round after it.
   */
  private static void anAssignmentThroughOrgServiceReachesGrantValidation(SuitePorts ports)
      throws Exception {
    // The register's days are Amsterdam days (mandate-core's Register.DEFAULT_ZONE).
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    String leaving = HttpFixtures.passwordToken(ports.issuer(), "ah-wi", "demo");
    String arriving = HttpFixtures.passwordToken(ports.issuer(), "mw-wi", "demo");
    String administrator = HttpFixtures.passwordToken(ports.issuer(), "beheer", "demo");
    URI grants = URI.create(ports.gateway() + "/api/v1/grants");
    String subMandate =
        "{\"kind\":\"SUB_MANDATE\",\"parentGrantId\":\"G09-afdelingshoofd-wi\","
            + "\"holderPosition\":\"teammanager-uitkeringen\","
            + "\"decisionTypes\":[\"bijzondere-bijstand\"],\"orgUnits\":[\"uitkeringen\"],"
            + "\"ceiling\":1000,\"validFrom\":\""
            + today
            + "\",\"subMandateAllowed\":false,"
            + "\"grantDecisionRef\":\"Ondermandaatbesluit suite test\",\"instructions\":[]}";

    HttpResponse<String> byHolder = HttpFixtures.postJson(grants, leaving, subMandate);
    assertThat(byHolder.statusCode())
        .as("ah-wi before the change: " + byHolder.body())
        .isEqualTo(201);
    HttpResponse<String> byNewcomer = HttpFixtures.postJson(grants, arriving, subMandate);
    assertThat(byNewcomer.statusCode())
        .as("mw-wi before the change: " + byNewcomer.body())
        .isEqualTo(422);
    assertThat(HttpFixtures.json(byNewcomer)).containsEntry("code", "NOT_HOLDER");

    HttpResponse<String> held =
        HttpFixtures.get(
            URI.create(ports.gateway() + "/api/v1/org/persons/ah-wi/positions?at=" + today),
            administrator);
    assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
    String assignment =
        HttpFixtures.jsonArray(held).stream()
            .map(position -> (Map<?, ?>) position)
            .filter(position -> "afdelingshoofd-wi".equals(position.get("position")))
            .filter(position -> "ASSIGNMENT".equals(position.get("via")))
            .map(position -> (String) position.get("id"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("ah-wi holds afdelingshoofd-wi: " + held.body()));
    HttpResponse<String> ended =
        HttpFixtures.putJson(
            URI.create(ports.gateway() + "/api/v1/org/assignments/" + assignment + "/end"),
            administrator,
            "{\"validTo\":\"" + today.minusDays(1) + "\"}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    HttpResponse<String> assigned =
        HttpFixtures.postJson(
            URI.create(ports.gateway() + "/api/v1/org/assignments"),
            administrator,
            "{\"person\":\"mw-wi\",\"position\":\"afdelingshoofd-wi\",\"validFrom\":\""
                + today
                + "\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);

    // mandate-service follows org-service asynchronously and its grant write takes no revision of
    // the organisation, so the write is repeated while it is still refused for the old reason.
    long deadline = System.nanoTime() + ORGANISATION_FOLLOWED.toNanos();
    HttpResponse<String> after = HttpFixtures.postJson(grants, arriving, subMandate);
    while (refusedAsNotHolder(after) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      after = HttpFixtures.postJson(grants, arriving, subMandate);
    }
    assertThat(after.statusCode())
        .as(
            "mw-wi's sub-mandate "
                + ORGANISATION_FOLLOWED.toSeconds()
                + " s after the assignment through org-service (does mandate-service follow"
                + " org-service's event stream?): "
                + after.body())
        .isEqualTo(201);
    assertThat(HttpFixtures.json(after)).containsKey("id");
    // The stream is in order: the ending came before the new assignment.
    HttpResponse<String> byFormerHolder = HttpFixtures.postJson(grants, leaving, subMandate);
    assertThat(byFormerHolder.statusCode())
        .as("ah-wi after the change: " + byFormerHolder.body())
        .isEqualTo(422);
    assertThat(HttpFixtures.json(byFormerHolder)).containsEntry("code", "NOT_HOLDER");
  }

  private static boolean refusedAsNotHolder(HttpResponse<String> answer) throws Exception {
    return answer.statusCode() == 422 && "NOT_HOLDER".equals(HttpFixtures.json(answer).get("code"));
  }

  /** Asks until the replica has caught up with both streams (503 until then), at most 60 s. */
  private static HttpResponse<String> evaluateUntilAnswered(
      URI evaluation, String token, Object minRevision) throws Exception {
    String question =
        "{\"subject\":{\"type\":\"user\",\"id\":\"tm-omgeving\"},"
            + "\"action\":{\"name\":\"decide\"},"
            + "\"resource\":{\"type\":\"decision-type\",\"id\":\"inkoop-overeenkomst\","
            + "\"properties\":{\"amount\":8000,\"orgUnit\":\"vergunningen\"}}"
            + (minRevision == null ? "" : ",\"context\":{\"minRevision\":" + minRevision + "}")
            + "}";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> answer = HttpFixtures.postJson(evaluation, token, question);
    while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      answer = HttpFixtures.postJson(evaluation, token, question);
    }
    return answer;
  }

  private static ProcessHandle launcherHandle(LauncherProcess launcher) {
    return ProcessHandle.of(launcher.pid()).orElseThrow();
  }
}
