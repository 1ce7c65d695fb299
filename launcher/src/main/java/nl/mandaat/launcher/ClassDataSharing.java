package nl.mandaat.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.mandaat.keycloak.KeycloakDistribution;

/**
 * Faster service start-up through class data sharing: each service jar is extracted once into the
 * user's cache ({@code java -Djarmode=tools extract}); the first run records the classes it loads
 * into an archive when the service stops ({@code -XX:ArchiveClassesAtExit}), later runs map that
 * archive ({@code -XX:SharedArchiveFile}). A rebuilt jar gets a fresh entry. Whatever fails here
 * only costs speed: the service then starts from its jar.
 */
final class ClassDataSharing {

  private final Path cache;

  ClassDataSharing(Path cache) {
    this.cache = cache;
  }

  static ClassDataSharing defaults() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return new ClassDataSharing(base.resolve("mandaat").resolve("cds"));
  }

  /**
   * How to run {@code jar}: archive flags and {@code -jar} with the extracted jar, or plainly the
   * jar when extracting failed.
   */
  Launch launch(ServiceModule service, Path jar) {
    try {
      Path entry = entry(service, jar);
      Path extracted = entry.resolve(service.module() + ".jar");
      if (!Files.isRegularFile(extracted)) {
        removeOlderEntries(service, entry);
        extract(jar, entry);
      }
      Path archive = entry.resolve(service.module() + ".jsa");
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        return new Launch(
            List.of(
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", extracted.toString()),
            Optional.empty());
      }
      Path training =
          entry.resolve(service.module() + ".jsa." + ProcessHandle.current().pid() + ".tmp");
      return new Launch(
          List.of(
              "-XX:ArchiveClassesAtExit=" + training,
              "-Xlog:cds=off",
              "-Xlog:cds+dynamic=off",
              "-jar",
              extracted.toString()),
          Optional.of(new Training(service, training, archive)));
    } catch (IOException | RuntimeException e) {
      return new Launch(List.of("-jar", jar.toString()), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Launch(List.of("-jar", jar.toString()), Optional.empty());
    }
  }

  /**
   * The JVM arguments that run a service jar, and the archive this run records, if it records one.
   *
   * @param arguments JVM arguments from the archive flags up to and including {@code -jar <jar>}
   * @param training the archive being recorded, to keep once the service stopped by itself
   */
  record Launch(List<String> arguments, Optional<Training> training) {}

  /**
   * An archive the JVM writes when it exits, under a temporary name until the launcher knows it was
   * not killed half-way.
   */
  record Training(ServiceModule service, Path recording, Path archive) {

    /** Keeps the recording when the service exited on its own (not SIGKILL); drops it otherwise. */
    void finish(Process process) {
      try {
        boolean clean = !process.isAlive() && process.exitValue() != 137;
        if (clean && Files.isRegularFile(recording) && Files.size(recording) > 0) {
          Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(recording);
        }
      } catch (IOException | RuntimeException e) {
        // only speed is lost
      }
    }
  }

  /** One entry per build of a jar: its size and time stamp name it. */
  Path entry(ServiceModule service, Path jar) throws IOException {
    long stamp = Files.getLastModifiedTime(jar).toMillis() ^ (Files.size(jar) << 20);
    return cache.resolve(service.module() + "-" + Long.toHexString(stamp));
  }

  private void extract(Path jar, Path entry) throws IOException, InterruptedException {
    Files.createDirectories(cache);
    Path staging = Files.createTempDirectory(cache, ".extract-");
    try {
      Process process =
          new ProcessBuilder(
                  Java.executable(),
                  "-Djarmode=tools",
                  "-jar",
                  jar.toString(),
                  "extract",
                  "--destination",
                  staging.resolve("app").toString())
              .redirectErrorStream(true)
              .redirectOutput(Redirect.DISCARD)
              .redirectInput(Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("extracting " + jar + " failed");
      }
      try {
        Files.move(staging.resolve("app"), entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging.resolve("app"), entry);
      }
    } finally {
      KeycloakDistribution.deleteQuietly(staging);
    }
  }

  private void removeOlderEntries(ServiceModule service, Path keep) throws IOException {
    if (!Files.isDirectory(cache)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache, service.module() + "-*")) {
      for (Path entry : entries) {
        String suffix = entry.getFileName().toString().substring(service.module().length() + 1);
        if (!entry.equals(keep) && suffix.matches("[0-9a-f]+")) {
          KeycloakDistribution.deleteQuietly(entry);
        }
      }
    }
  }
}
