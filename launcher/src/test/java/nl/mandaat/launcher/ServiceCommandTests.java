package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCommandTests {

  private final SuitePorts ports = new SuitePorts(100);

  @Test
  void aServiceGetsItsPortSchemaDatabaseIssuerParentAndDemoProfile() {
    List<String> command =
        ServiceCommand.of(
            ServiceModule.ORG, Path.of("/r/org-service/target/org-service.jar"), ports, 5532, 42);

    assertThat(command)
        .containsSubsequence("-jar", "/r/org-service/target/org-service.jar")
        .contains(
            "--server.port=8181",
            "--mandaat.db.host=localhost",
            "--mandaat.db.port=5532",
            "--mandaat.db.name=mandaat",
            "--mandaat.db.username=postgres",
            "--mandaat.db.password=postgres",
            "--mandaat.db.schema=org",
            "--mandaat.security.issuer-uri=http://localhost:8280/realms/mandaat",
            "--mandaat.parent-pid=42",
            "--spring.profiles.active=demo")
        .noneMatch(arg -> arg.startsWith("--mandaat.routes."));
  }

  @Test
  void aServiceRunsWithASmallHeap() {
    List<String> command =
        ServiceCommand.of(ServiceModule.WEB, Path.of("web.jar"), ports, 5532, 42);

    assertThat(command).contains("-XX:+UseSerialGC", "-Xmx160m", "-Xss512k");
    assertThat(command.indexOf("-Xmx160m")).isLessThan(command.indexOf("-jar"));
  }

  @Test
  void theGatewayKnowsWhereEveryServiceListens() {
    List<String> command =
        ServiceCommand.of(ServiceModule.GATEWAY, Path.of("gateway.jar"), ports, 5532, 42);

    assertThat(command)
        .contains(
            "--server.port=8180",
            "--mandaat.db.schema=gateway",
            "--mandaat.routes.org-uri=http://localhost:8181",
            "--mandaat.routes.mandate-uri=http://localhost:8182",
            "--mandaat.routes.decision-uri=http://localhost:8183",
            "--mandaat.routes.reporting-uri=http://localhost:8184",
            "--mandaat.routes.web-uri=http://localhost:8185");
  }

  @Test
  void theGatewayAndMandateServiceFollowStreamsAsTheRealmsInternalClient() {
    Realm.Client internal =
        new Realm.Client(
            "mandaat-internal",
            false,
            Optional.of("geheim"),
            false,
            false,
            true,
            List.of(),
            List.of("mandaat"),
            Optional.empty());

    List<String> gateway =
        ServiceCommand.of(
            ServiceModule.GATEWAY,
            List.of("-jar", "gateway.jar"),
            ports,
            5532,
            42,
            Optional.of(internal));
    List<String> web =
        ServiceCommand.of(
            ServiceModule.WEB, List.of("-jar", "web.jar"), ports, 5532, 42, Optional.of(internal));

    assertThat(gateway)
        .contains(
            "--mandaat.internal-client.id=mandaat-internal",
            "--mandaat.internal-client.secret=geheim");
    assertThat(web).noneMatch(argument -> argument.contains("internal-client"));
    assertThat(
            ServiceCommand.of(
                ServiceModule.MANDATE,
                List.of("-jar", "mandate-service.jar"),
                ports,
                5532,
                42,
                Optional.of(internal)))
        .contains(
            "--mandaat.internal-client.id=mandaat-internal",
            "--mandaat.org.uri=http://localhost:8181");
  }

  @Test
  void keycloakRunsInDevelopmentModeWithTheIssuerPinnedToLocalhost() {
    List<String> command = KeycloakServer.command(Path.of("/kc"), ports);

    assertThat(command)
        .startsWith("/kc/bin/kc.sh", "start-dev")
        .contains(
            "--http-port=8280",
            "--hostname=http://localhost:8280",
            "--http-host=127.0.0.1",
            "--import-realm");
  }
}
