package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTests {

  private static final FileTime SOURCES = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
  private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-02T00:00:00Z"));

  @TempDir Path root;

  private ServiceJars jars;

  @BeforeEach
  void checkout() throws IOException {
    write(root.resolve("pom.xml"), SOURCES);
    write(root.resolve("mandate-core/src/main/java/Core.java"), SOURCES);
    for (ServiceModule service : ServiceModule.values()) {
      write(root.resolve(service.module()).resolve("src/main/java/App.java"), SOURCES);
      write(root.resolve(service.module()).resolve("pom.xml"), SOURCES);
    }
    jars = new ServiceJars(root);
  }

  @Test
  void aFreshCloneMissesEveryJar() {
    assertThat(jars.missing()).containsExactly(ServiceModule.values());
    assertThat(jars.outdated()).containsExactly(ServiceModule.values());
  }

  @Test
  void jarsNewerThanTheirSourcesAreUpToDate() throws IOException {
    buildAll();

    assertThat(jars.missing()).isEmpty();
    assertThat(jars.outdated()).isEmpty();
  }

  @Test
  void aChangedSourceOutdatesOnlyItsOwnJar() throws IOException {
    buildAll();
    write(
        root.resolve("org-service/src/main/java/App.java"),
        FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));

    assertThat(jars.outdated()).containsExactly(ServiceModule.ORG);
  }

  @Test
  void aChangedSharedModuleOutdatesEveryJar() throws IOException {
    buildAll();
    write(
        root.resolve("mandate-core/src/main/java/Core.java"),
        FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));

    assertThat(jars.outdated()).containsExactly(ServiceModule.values());
  }

  @Test
  void theMissingMessageSaysHowToBuild() {
    assertThat(jars.missingMessage(java.util.List.of(ServiceModule.ORG)))
        .isEqualTo(
            "org-service/target/org-service.jar is missing; build with ./mvnw -DskipTests package -pl org-service -am");
  }

  private void buildAll() throws IOException {
    for (ServiceModule service : ServiceModule.values()) {
      write(jars.jar(service), BUILT);
    }
  }

  private static void write(Path file, FileTime time) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    Files.setLastModifiedTime(file, time);
  }
}
