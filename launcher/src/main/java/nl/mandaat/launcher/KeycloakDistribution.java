package nl.mandaat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server distribution: the zip {@code
 * org.keycloak:keycloak-quarkus-dist:<version>:zip} from Maven Central in the local Maven
 * repository, unpacked once under the user's cache ({@code ~/.cache/mandaat/keycloak-<version>}).
 */
final class KeycloakDistribution {

  private final String version;
  private final Path repository;
  private final Path cache;

  KeycloakDistribution(String version, Path repository, Path cache) {
    this.version = version;
    this.repository = repository;
    this.cache = cache;
  }

  /**
   * The defaults: {@code ~/.m2/repository} (or {@code -Dmaven.repo.local}) and {@code
   * $XDG_CACHE_HOME/mandaat}.
   */
  static KeycloakDistribution defaults(String version) {
    String home = System.getProperty("user.home");
    String localRepository = System.getProperty("maven.repo.local");
    Path repository =
        localRepository != null ? Path.of(localRepository) : Path.of(home, ".m2", "repository");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("mandaat");
    return new KeycloakDistribution(version, repository, cache);
  }

  String version() {
    return version;
  }

  String coordinates() {
    return "org.keycloak:keycloak-quarkus-dist:" + version + ":zip";
  }

  Path zip() {
    return repository.resolve(
        Path.of(
            "org",
            "keycloak",
            "keycloak-quarkus-dist",
            version,
            "keycloak-quarkus-dist-" + version + ".zip"));
  }

  Path home() {
    return cache.resolve("keycloak-" + version);
  }

  /**
   * Returns the unpacked distribution, downloading the zip with the checkout's Maven wrapper and
   * unpacking it first when needed.
   *
   * @throws LaunchException when the download or unpacking fails
   */
  Path ensure(Path root, Path log) {
    if (Files.isRegularFile(home().resolve("bin").resolve("kc.sh"))) {
      return home();
    }
    if (!Files.isRegularFile(zip())) {
      download(root, log);
    }
    unpack();
    return home();
  }

  private void download(Path root, Path log) {
    Console.progress(
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
    int exit = Maven.run(root, command, log);
    if (exit != 0 || !Files.isRegularFile(zip())) {
      throw new LaunchException(
          "cannot download Keycloak "
              + version
              + " ("
              + coordinates()
              + ", see "
              + log
              + "); check the network to Maven Central or pass --no-keycloak");
    }
  }

  private void unpack() {
    Console.progress("unpacking Keycloak " + version + " into " + home());
    Path staging;
    try {
      Files.createDirectories(cache);
      staging = Files.createTempDirectory(cache, ".keycloak-unpack-");
    } catch (IOException e) {
      throw new LaunchException(
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
      throw new LaunchException(
          "cannot unpack "
              + zip()
              + " ("
              + e.getMessage()
              + "); delete it to download again, or pass --no-keycloak",
          e);
    } finally {
      deleteQuietly(staging);
    }
  }

  static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
