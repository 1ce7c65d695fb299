package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
