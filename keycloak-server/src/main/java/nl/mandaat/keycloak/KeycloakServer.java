package nl.mandaat.keycloak;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the real Keycloak in development mode ({@code kc.sh start-dev}, in-memory database) with
 * one realm imported, the issuer pinned to {@code http://localhost:<port>} whatever host name a
 * caller uses.
 */
public final class KeycloakServer {

  /**
   * Heap and JIT settings that keep Keycloak near 0.4 GB resident; {@code
   * MANDAAT_KEYCLOAK_JAVA_OPTS} replaces them.
   */
  public static final String JAVA_OPTS =
      "-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8 -XX:+ExitOnOutOfMemoryError"
          + " -Djava.security.egd=file:/dev/urandom -XX:+UseSerialGC -Xms32m -Xmx320m -Xss512k"
          + " -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=96m";

  private KeycloakServer() {}

  /**
   * The command line: HTTP on loopback {@code port}, management on {@code managementPort}, the
   * realm placed by {@link #placeRealm} imported.
   */
  public static List<String> command(Path home, int port, int managementPort) {
    List<String> command = new ArrayList<>(commandWithoutImport(home, port, managementPort));
    command.add("--import-realm");
    return List.copyOf(command);
  }

  /**
   * As {@link #command}, importing nothing from the distribution's folder (which another run may
   * share): the realm then comes through the admin API.
   */
  public static List<String> commandWithoutImport(Path home, int port, int managementPort) {
    return List.of(
        home.resolve("bin").resolve("kc.sh").toString(),
        "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + port,
        "--hostname=http://localhost:" + port,
        "--http-management-port=" + managementPort,
        "--db=dev-mem");
  }

  /**
   * Places {@code realmJson} in the distribution's import folder, replacing what an earlier start
   * left there.
   *
   * @throws KeycloakException when the folder cannot be written
   */
  public static void placeRealm(Path home, String realmJson) {
    try {
      Path imports = home.resolve("data").resolve("import");
      Files.createDirectories(imports);
      Path target = imports.resolve("mandaat-realm.json");
      Path staging = Files.createTempFile(imports, ".mandaat-realm-", ".tmp");
      Files.writeString(staging, realmJson, StandardCharsets.UTF_8);
      Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new KeycloakException(
          "cannot place the realm in "
              + home
              + " ("
              + e.getMessage()
              + "); delete that directory to unpack again",
          e);
    }
  }

  /**
   * A process builder for {@code command} ({@link #command} or {@link #commandWithoutImport}) on
   * this JVM's Java, with {@code JAVA_OPTS} from {@code MANDAAT_KEYCLOAK_JAVA_OPTS} or {@link
   * #JAVA_OPTS}, output appended to {@code log}.
   */
  public static ProcessBuilder processBuilder(List<String> command, Path home, Path log) {
    String javaHome = System.getProperty("java.home");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("JAVA", Path.of(javaHome, "bin", "java").toString());
    builder.environment().put("JAVA_HOME", javaHome);
    builder
        .environment()
        .put("JAVA_OPTS", System.getenv().getOrDefault("MANDAAT_KEYCLOAK_JAVA_OPTS", JAVA_OPTS));
    return builder;
  }
}
