package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration ends with one clear line, a non-zero exit and nothing left running. */
class BadConfigurationIntegrationTests {

  private static final int OFFSET = 500;
  private static final Duration EXIT = Duration.ofSeconds(60);

  @TempDir Path temp;

  @Test
  void aTakenPortIsNamedWithTheFixAndNothingStarts() throws Exception {
    SuitePorts ports = new SuitePorts(OFFSET);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.of(ServiceModule.ORG)));
      Set<Long> before = allPids();

      try (LauncherProcess launcher =
          LauncherProcess.start(
              RealmFixtures.root(), "run", "--port-offset", "" + OFFSET, "--no-keycloak")) {
        int exit = launcher.awaitExit(EXIT);

        assertThat(exit).isNotZero();
        assertThat(launcher.err())
            .containsExactly(
                "mandaat: port 8581 (org-service) is in use; stop what uses it or pass --port-offset 600");
        assertThat(launcher.out()).isEmpty();
        assertThat(startedBy(launcher.pid(), before)).isEmpty();
      }
      for (SuitePorts.NamedPort port : ports.listening(false)) {
        if (port.port() != ports.of(ServiceModule.ORG)) {
          assertThat(PortCheck.isFree(port.port())).as(port.owner()).isTrue();
        }
      }
    }
  }

  @Test
  void aDataDirectoryThatCannotBeWrittenIsNamedWithTheFix() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
    Path data = file.resolve("data");

    try (LauncherProcess launcher =
        LauncherProcess.start(
            RealmFixtures.root(),
            "run",
            "--port-offset",
            "" + OFFSET,
            "--no-keycloak",
            "--data",
            data.toString())) {
      int exit = launcher.awaitExit(EXIT);

      assertThat(exit).isNotZero();
      assertThat(launcher.err()).hasSize(1);
      assertThat(launcher.err().get(0))
          .startsWith("mandaat: cannot write to the data directory " + data)
          .endsWith("; pass --data with a writable directory");
      assertThat(launcher.out()).isEmpty();
    }
  }

  @Test
  void aMissingServiceJarIsNamedWithTheBuildCommand() throws Exception {
    Path root = temp.resolve("checkout");
    Files.createDirectories(root.resolve("launcher"));
    Files.writeString(root.resolve("mandaat"), "#!/bin/sh\n");
    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    for (ServiceModule service : ServiceModule.values()) {
      if (service != ServiceModule.WEB) {
        Path jar =
            root.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
      }
    }

    try (LauncherProcess launcher =
        LauncherProcess.start(
            root, "run", "--port-offset", "" + OFFSET, "--no-keycloak", "--no-build")) {
      int exit = launcher.awaitExit(EXIT);

      assertThat(exit).isNotZero();
      assertThat(launcher.err())
          .containsExactly(
              "mandaat: web/target/web.jar is missing; build with ./mvnw -DskipTests package -pl web -am");
    }
  }

  @Test
  void anUnknownFlagShowsTheUsageAndExitsWithTwo() throws Exception {
    try (LauncherProcess launcher =
        LauncherProcess.start(RealmFixtures.root(), "run", "--keycloak-off")) {
      assertThat(launcher.awaitExit(EXIT)).isEqualTo(2);
      assertThat(launcher.err())
          .containsExactly("mandaat: unknown option '--keycloak-off'; " + LaunchOptions.USAGE);
    }
  }

  private static Set<Long> allPids() {
    return ProcessHandle.allProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  /**
   * Processes that appeared since {@code before} and look like the suite's: services, Keycloak,
   * PostgreSQL.
   */
  private static List<String> startedBy(long launcherPid, Set<Long> before) {
    return ProcessHandle.allProcesses()
        .filter(p -> !before.contains(p.pid()))
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(""))
        .filter(
            command ->
                command.contains("--mandaat.parent-pid=" + launcherPid)
                    || command.contains("embedded-pg")
                    || command.contains("kc.sh")
                    || command.contains("quarkus-run.jar"))
        .collect(Collectors.toList());
  }
}
