package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

  @Test
  void runAloneStartsKeycloakOnTheBasePortsWithAFreshDataDirectory() {
    LaunchOptions options = LaunchOptions.parse(List.of("run"));

    assertThat(options.keycloak()).isTrue();
    assertThat(options.ports().offset()).isZero();
    assertThat(options.dataDir()).isEmpty();
    assertThat(options.build()).isTrue();
    assertThat(options.report()).isFalse();
  }

  @Test
  void everyFlagIsUnderstoodInBothSpellings() {
    LaunchOptions spaced =
        LaunchOptions.parse(
            List.of(
                "run",
                "--no-keycloak",
                "--port-offset",
                "100",
                "--data",
                "/tmp/x",
                "--no-build",
                "--report"));
    LaunchOptions joined =
        LaunchOptions.parse(List.of("run", "--port-offset=100", "--data=/tmp/x", "--no-keycloak"));

    assertThat(spaced.keycloak()).isFalse();
    assertThat(spaced.ports().offset()).isEqualTo(100);
    assertThat(spaced.dataDir()).contains(Path.of("/tmp/x"));
    assertThat(spaced.build()).isFalse();
    assertThat(spaced.report()).isTrue();
    assertThat(joined.ports().offset()).isEqualTo(100);
    assertThat(joined.dataDir()).contains(Path.of("/tmp/x"));
  }

  @Test
  void theOffsetMovesEveryPortKeycloakAndPostgresIncluded() {
    SuitePorts ports = LaunchOptions.parse(List.of("run", "--port-offset", "100")).ports();

    assertThat(ports.of(ServiceModule.GATEWAY)).isEqualTo(8180);
    assertThat(ports.of(ServiceModule.WEB)).isEqualTo(8185);
    assertThat(ports.keycloak()).isEqualTo(8280);
    assertThat(ports.postgres()).isEqualTo(5532);
    assertThat(ports.issuer()).hasToString("http://localhost:8280/realms/mandaat");
    assertThat(ports.gateway()).hasToString("http://localhost:8180");
  }

  @Test
  void aRelativeDataDirectoryIsMadeAbsolute() {
    LaunchOptions options = LaunchOptions.parse(List.of("run", "--data", "some/dir"));

    Path dir = options.dataDir().orElseThrow();
    assertThat(dir.isAbsolute()).isTrue();
    assertThat(dir.endsWith(Path.of("some", "dir"))).isTrue();
  }

  @Test
  void anOffsetThatIsNotANumberIsRefusedWithAnExample() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--port-offset", "ten")))
        .isInstanceOf(LaunchException.class)
        .hasMessage("--port-offset needs a whole number, got 'ten'; e.g. --port-offset 100");
  }

  @Test
  void anOffsetThatPushesAPortPast65535IsRefused() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--port-offset", "56536")))
        .isInstanceOf(LaunchException.class)
        .hasMessage("--port-offset must be between 0 and 56535, got 56536");
    assertThat(LaunchOptions.parse(List.of("run", "--port-offset", "56535")).ports().offset())
        .isEqualTo(56535);
  }

  @Test
  void aNegativeOffsetIsRefused() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--port-offset", "-1")))
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("--port-offset must be between 0 and");
  }

  @Test
  void aFlagWithoutItsValueSaysWhatItNeeds() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--data")))
        .hasMessage("--data needs a value, e.g. --data .mandaat/data");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--port-offset", "--no-keycloak")))
        .hasMessage("--port-offset needs a value, e.g. --port-offset 100");
  }

  @Test
  void anUnknownOptionOrCommandShowsTheUsage() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("run", "--fast")))
        .hasMessage("unknown option '--fast'; " + LaunchOptions.USAGE);
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("start")))
        .hasMessage("unknown command 'start'; " + LaunchOptions.USAGE);
    assertThatThrownBy(() -> LaunchOptions.parse(List.of()))
        .hasMessage("no command given; " + LaunchOptions.USAGE);
  }
}
