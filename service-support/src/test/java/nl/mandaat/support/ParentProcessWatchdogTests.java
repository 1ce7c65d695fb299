package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ParentProcessWatchdogTests {

  @Test
  void theActionRunsOnceTheParentProcessEnds() throws IOException {
    Process parent = new ProcessBuilder("sleep", "60").start();
    AtomicBoolean ran = new AtomicBoolean();

    CompletableFuture<Void> watching =
        new ParentProcessWatchdog(parent.pid(), () -> ran.set(true)).watch();
    assertThat(ran).isFalse();

    parent.destroy();
    assertThat(watching).succeedsWithin(Duration.ofSeconds(10));
    assertThat(ran).isTrue();
  }

  @Test
  void theActionRunsAtOnceWhenTheParentIsAlreadyGone() throws Exception {
    Process parent = new ProcessBuilder("true").start();
    assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean ran = new AtomicBoolean();

    assertThat(new ParentProcessWatchdog(parent.pid(), () -> ran.set(true)).watch())
        .succeedsWithin(Duration.ofSeconds(5));
    assertThat(ran).isTrue();
  }

  @Test
  void aLivingParentKeepsTheServiceRunning() throws Exception {
    Process parent = new ProcessBuilder("sleep", "60").start();
    try {
      AtomicBoolean ran = new AtomicBoolean();

      CompletableFuture<Void> watching =
          new ParentProcessWatchdog(parent.pid(), () -> ran.set(true)).watch();

      assertThat(watching).isNotDone();
      assertThat(parent.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(watching).isNotDone();
      assertThat(ran).isFalse();
    } finally {
      parent.destroy();
    }
  }
}
