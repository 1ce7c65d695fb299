package nl.mandaat.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server distribution: the zip {@code
 * org.keycloak:keycloak-quarkus-dist:<version>:zip} from Maven Central in the local Maven
 * repository, unpacked once under the user's cache ({@code ~/.cache/mandaat/keycloak-<version>}).
 * Shared by the launcher and the tests; when several JVMs unpack at once, the first atomic move
 * wins and the others find it there.
 */
public final class KeycloakDistribution {

  /** The Keycloak version the root pom names. */
  public static final String VERSION = readVersion();

  private final String version;
  private final Path repository;
  private final Path cache;

  public KeycloakDistribution(String version, Path repository, Path cache) {
    this.version = version;
    this.repository = repository;
    this.cache = cache;
  }

  /**
   * The defaults: {@code ~/.m2/repository} (or {@code -Dmaven.repo.local}) and {@code
   * $XDG_CACHE_HOME/mandaat}.
   */
  public static KeycloakDistribution defaults(String version) {
    String home = System.getProperty("user.home");
    String localRepository = System.getProperty("maven.repo.local");
    Path repository =
        localRepository != null ? Path.of(localRepository) : Path.of(home, ".m2", "repository");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("mandaat");
    return new KeycloakDistribution(version, repository, cache);
  }

  public String version() {
    return version;
  }

  public String coordinates() {
    return "org.keycloak:keycloak-quarkus-dist:" + version + ":zip";
  }

  public Path zip() {
    return repository.resolve(
        Path.of(
            "org",
            "keycloak",
            "keycloak-quarkus-dist",
            version,
            "keycloak-quarkus-dist-" + version + ".zip"));
  }

  public Path home() {
    return cache.resolve("keycloak-" + version);
  }

  /**
   * Returns the unpacked distribution, downloading the zip with the checkout's Maven wrapper and
   * unpacking it first when needed.
   *
   * @param root the checkout, whose {@code mvnw} downloads the zip
   * @param log where the download's output goes
   * @param progress told, in a sentence, what takes long (a download, unpacking)
   * @throws KeycloakException when the download or unpacking fails
   */
  public Path ensure(Path root, Path log, Consumer<String> progress) {
    if (Files.isRegularFile(home().resolve("bin").resolve("kc.sh"))) {
      return home();
    }
    if (!Files.isRegularFile(zip())) {
      download(root, log, progress);
    }
    unpack(progress);
    return home();
  }

  private void download(Path root, Path log, Consumer<String> progress) {
    progress.accept(
        "downloading Keycloak "
            + version
            + " (about 160 MB) from Maven Central into "
            + repository);
    List<String> command =
        List.of(
            root.resolve("mvnw").toString(),
            "-B",
            "-q",
            "-N",
            "dependency:get",
            "-Dartifact=" + coordinates(),
            "-Dtransitive=false",
            "-Dmaven.repo.local=" + repository);
    int exit = run(root, command, log);
    if (exit != 0 || !Files.isRegularFile(zip())) {
      throw new KeycloakException(
          "cannot download Keycloak "
              + version
              + " ("
              + coordinates()
              + ", see "
              + log
              + "); check the network to Maven Central");
    }
  }

  private static int run(Path root, List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Thread.currentThread().interrupt();
        return -1;
      }
    } catch (IOException e) {
      throw new KeycloakException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  private void unpack(Consumer<String> progress) {
    progress.accept("unpacking Keycloak " + version + " into " + home());
    Path staging;
    try {
      Files.createDirectories(cache);
      staging = Files.createTempDirectory(cache, ".keycloak-unpack-");
    } catch (IOException e) {
      throw new KeycloakException(
          "cannot write to "
              + cache
              + " ("
              + e.getMessage()
              + "); make it writable or set XDG_CACHE_HOME",
          e);
    }
    try {
      try (InputStream in = Files.newInputStream(zip());
          ZipInputStream zip = new ZipInputStream(in)) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          Path target = staging.resolve(entry.getName()).normalize();
          if (!target.startsWith(staging)) {
            throw new IOException("entry outside the archive: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
            if (target.toString().endsWith(".sh")) {
              target.toFile().setExecutable(true, false);
            }
          }
        }
      }
      Path unpacked = staging.resolve("keycloak-" + version);
      if (!Files.isRegularFile(unpacked.resolve("bin").resolve("kc.sh"))) {
        throw new IOException("no keycloak-" + version + "/bin/kc.sh in " + zip());
      }
      try {
        Files.move(unpacked, home(), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(unpacked, home());
      }
    } catch (IOException e) {
      if (Files.isRegularFile(home().resolve("bin").resolve("kc.sh"))) {
        return; // another launcher unpacked it meanwhile
      }
      throw new KeycloakException(
          "cannot unpack " + zip() + " (" + e.getMessage() + "); delete it to download again", e);
    } finally {
      deleteQuietly(staging);
    }
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  public static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        KeycloakDistribution.class.getResourceAsStream("keycloak-server.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("keycloak.version");
  }
}
