package nl.mandaat.support;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action once a given process has ended (or at once when it is already gone), so a service
 * started by the launcher never outlives it.
 */
final class ParentProcessWatchdog {

  private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

  private final long parentPid;
  private final Runnable onParentGone;

  ParentProcessWatchdog(long parentPid, Runnable onParentGone) {
    this.parentPid = parentPid;
    this.onParentGone = onParentGone;
  }

  /** Starts watching; the future completes after the action ran. */
  CompletableFuture<Void> watch() {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
    CompletableFuture<?> gone =
        parent
            .<CompletableFuture<?>>map(ProcessHandle::onExit)
            .orElseGet(() -> CompletableFuture.completedFuture(null));
    return gone.thenRun(
        () -> {
          log.warn("Parent process {} has ended; shutting down", parentPid);
          onParentGone.run();
        });
  }
}
