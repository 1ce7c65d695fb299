package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTests {

  @TempDir Path dir;

  @Test
  void theRootIsFoundFromAnyDirectoryBelowIt() throws IOException {
    Files.writeString(dir.resolve("mandaat"), "#!/bin/sh");
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Path deep =
        Files.createDirectories(dir.resolve("launcher").resolve("target").resolve("classes"));

    assertThat(RepositoryRoot.walkUp(deep)).contains(dir.toAbsolutePath().normalize());
  }

  @Test
  void aDirectoryWithoutTheScriptIsNoRoot() throws IOException {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("launcher"));

    assertThat(RepositoryRoot.isRoot(dir)).isFalse();
  }

  @Test
  void thisCheckoutIsFound() {
    Path root = RealmFixtures.root();

    assertThat(root.resolve("launcher").resolve("pom.xml")).exists();
  }
}
