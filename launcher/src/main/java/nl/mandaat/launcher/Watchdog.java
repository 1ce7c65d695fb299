package nl.mandaat.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.Optional;

/**
 * A tiny shell process that outlives a launcher killed with SIGKILL and then stops what would
 * otherwise be orphaned: Keycloak and PostgreSQL (the services watch the launcher themselves
 * through {@code mandaat.parent-pid}). On a normal stop the launcher ends it with the rest.
 */
final class Watchdog {

  private Watchdog() {}

  /**
   * Starts the watchdog, or nothing when there is nothing to watch.
   *
   * @param temporaryData a fresh data directory to delete once those are gone, if the run made one
   */
  static Optional<ManagedProcess> start(
      Optional<ProcessHandle> keycloak,
      Optional<ProcessHandle> postmaster,
      Optional<java.nio.file.Path> temporaryData,
      java.nio.file.Path log) {
    if (keycloak.isEmpty() && postmaster.isEmpty()) {
      return Optional.empty();
    }
    long launcher = ProcessHandle.current().pid();
    StringBuilder script = new StringBuilder();
    script.append("while kill -0 ").append(launcher).append(" 2>/dev/null; do sleep 1; done; ");
    // SIGINT is PostgreSQL's fast shutdown; kc.sh forwards SIGTERM to its JVM.
    postmaster.ifPresent(p -> script.append("kill -INT ").append(p.pid()).append(" 2>/dev/null; "));
    keycloak.ifPresent(p -> script.append("kill -TERM ").append(p.pid()).append(" 2>/dev/null; "));
    temporaryData.ifPresent(
        dir ->
            script
                .append("sleep 10; rm -rf '")
                .append(dir.toString().replace("'", "'\\''"))
                .append("'"));
    ProcessBuilder builder =
        new ProcessBuilder(List.of("/bin/sh", "-c", script.toString()))
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .redirectInput(Redirect.from(new File("/dev/null")));
    try {
      return Optional.of(new ManagedProcess("watchdog", builder.start(), log));
    } catch (IOException e) {
      Console.progress(
          "no watchdog ("
              + e.getMessage()
              + "); after kill -9 stop Keycloak and PostgreSQL by hand");
      return Optional.empty();
    }
  }
}
