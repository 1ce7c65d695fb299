package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTests {

  @TempDir Path dir;

  @Test
  void aJarThatCannotBeExtractedRunsAsItIs() throws IOException {
    Path jar = Files.writeString(dir.resolve("web.jar"), "not a jar");

    ClassDataSharing.Launch launch =
        new ClassDataSharing(dir.resolve("cds")).launch(ServiceModule.WEB, jar);

    assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
    assertThat(launch.training()).isEmpty();
  }

  @Test
  void aRebuiltJarGetsAFreshEntry() throws IOException {
    Path jar = Files.writeString(dir.resolve("web.jar"), "one build");
    ClassDataSharing sharing = new ClassDataSharing(dir.resolve("cds"));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Path first = sharing.entry(ServiceModule.WEB, jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

    assertThat(sharing.entry(ServiceModule.WEB, jar)).isNotEqualTo(first);
    assertThat(first.getFileName().toString()).startsWith("web-");
  }

  @Test
  void aRecordingIsKeptWhenTheServiceStoppedByItself() throws Exception {
    ClassDataSharing.Training training = training();
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);

    training.finish(process);

    assertThat(training.archive()).exists();
    assertThat(training.recording()).doesNotExist();
  }

  @Test
  void aRecordingIsDroppedWhenTheServiceWasKilled() throws Exception {
    ClassDataSharing.Training training = training();
    Process process = new ProcessBuilder("sleep", "30").start();
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);

    training.finish(process);

    assertThat(training.archive()).doesNotExist();
    assertThat(training.recording()).doesNotExist();
  }

  private ClassDataSharing.Training training() throws IOException {
    Path recording = Files.writeString(dir.resolve("web.jsa.1.tmp"), "classes");
    return new ClassDataSharing.Training(ServiceModule.WEB, recording, dir.resolve("web.jsa"));
  }
}
