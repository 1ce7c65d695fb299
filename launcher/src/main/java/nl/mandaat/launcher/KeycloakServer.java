package nl.mandaat.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.mandaat.keycloak.KeycloakException;

/**
 * Starts the real Keycloak for the suite on its ports (module {@code keycloak-server} does the
 * work; this names the ports and makes the process one the launcher manages).
 */
final class KeycloakServer {

  private KeycloakServer() {}

  /**
   * The command line, issuer pinned to {@code http://localhost:<port>} whatever host name a caller
   * uses.
   */
  static List<String> command(Path home, SuitePorts ports) {
    return nl.mandaat.keycloak.KeycloakServer.command(
        home, ports.keycloak(), ports.keycloakManagement());
  }

  /**
   * Places the realm (ports offset) in the distribution's import folder and starts {@code kc.sh}.
   *
   * @param realmJson the realm export, ports already rendered for this run
   */
  static ManagedProcess start(Path home, SuitePorts ports, String realmJson, Path log) {
    try {
      nl.mandaat.keycloak.KeycloakServer.placeRealm(home, realmJson);
    } catch (KeycloakException e) {
      throw new LaunchException(e.getMessage(), e);
    }
    String options =
        System.getenv()
            .getOrDefault(
                "MANDAAT_KEYCLOAK_JAVA_OPTS", nl.mandaat.keycloak.KeycloakServer.JAVA_OPTS);
    Map<String, String> environment =
        Map.of(
            "JAVA", Java.executable(), "JAVA_HOME", Java.home().toString(), "JAVA_OPTS", options);
    return ManagedProcess.start("keycloak", command(home, ports), environment, home, log);
  }
}
