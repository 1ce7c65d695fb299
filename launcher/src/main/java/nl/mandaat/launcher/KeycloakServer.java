package nl.mandaat.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts the real Keycloak in development mode with realm {@code mandaat} imported. */
final class KeycloakServer {

  /**
   * Heap and JIT settings that keep Keycloak near 0.4 GB resident; {@code
   * MANDAAT_KEYCLOAK_JAVA_OPTS} replaces them.
   */
  static final String JAVA_OPTS =
      "-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8 -XX:+ExitOnOutOfMemoryError"
          + " -Djava.security.egd=file:/dev/urandom -XX:+UseSerialGC -Xms32m -Xmx320m -Xss512k"
          + " -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=96m";

  private KeycloakServer() {}

  /**
   * The command line, issuer pinned to {@code http://localhost:<port>} whatever host name a caller
   * uses.
   */
  static List<String> command(Path home, SuitePorts ports) {
    return List.of(
        home.resolve("bin").resolve("kc.sh").toString(),
        "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + ports.keycloak(),
        "--hostname=http://localhost:" + ports.keycloak(),
        "--http-management-port=" + ports.keycloakManagement(),
        "--db=dev-mem",
        "--import-realm");
  }

  /**
   * Places the realm (ports offset) in the distribution's import folder and starts {@code kc.sh}.
   *
   * @param realmJson the realm export, ports already rendered for this run
   */
  static ManagedProcess start(Path home, SuitePorts ports, String realmJson, Path log) {
    try {
      Path imports = home.resolve("data").resolve("import");
      Files.createDirectories(imports);
      Path target = imports.resolve("mandaat-realm.json");
      Path staging = Files.createTempFile(imports, ".mandaat-realm-", ".tmp");
      Files.writeString(staging, realmJson, StandardCharsets.UTF_8);
      Files.move(staging, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LaunchException(
          "cannot place the realm in "
              + home
              + " ("
              + e.getMessage()
              + "); delete that directory to unpack again",
          e);
    }
    String options = System.getenv().getOrDefault("MANDAAT_KEYCLOAK_JAVA_OPTS", JAVA_OPTS);
    Map<String, String> environment =
        Map.of(
            "JAVA", Java.executable(), "JAVA_HOME", Java.home().toString(), "JAVA_OPTS", options);
    return ManagedProcess.start("keycloak", command(home, ports), environment, home, log);
  }
}
