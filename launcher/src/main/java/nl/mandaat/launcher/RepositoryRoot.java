package nl.mandaat.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the checkout the launcher belongs to: the directory holding the {@code mandaat} script and
 * root pom.
 */
final class RepositoryRoot {

  /** System property the script sets; wins over every guess. */
  static final String PROPERTY = "mandaat.root";

  private RepositoryRoot() {}

  static Path find() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit).toAbsolutePath().normalize();
      if (!isRoot(path)) {
        throw new LaunchException(
            "-D"
                + PROPERTY
                + "="
                + explicit
                + " is not a mandaat checkout (no mandaat script and pom.xml there)");
      }
      return path;
    }
    return walkUp(Path.of("").toAbsolutePath())
        .or(() -> codeLocation().flatMap(RepositoryRoot::walkUp))
        .orElseThrow(
            () ->
                new LaunchException(
                    "cannot find the mandaat checkout; run ./mandaat from inside it"));
  }

  static Optional<Path> walkUp(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("mandaat"))
        && Files.isRegularFile(dir.resolve("pom.xml"))
        && Files.isDirectory(dir.resolve("launcher"));
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Path.of(
              RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
