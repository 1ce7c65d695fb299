package nl.mandaat.org.config;

import java.time.Duration;
import nl.mandaat.org.application.HeldPositionsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

/**
 * Keeps {@link HeldPositionsView} current: loads it on start (before the service reports ready),
 * then applies the outbox's events as they are notified, resuming with backoff after a failure.
 */
final class OutboxFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxFollower.class);

  private final HeldPositionsView view;
  private volatile Disposable following;

  OutboxFollower(HeldPositionsView view) {
    this.view = view;
  }

  @Override
  public void start() {
    Long revision = view.catchUp().block(Duration.ofMinutes(5));
    log.info("Read model of held positions loaded at revision {}", revision);
    following =
        view.follow()
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(10))
                    .doBeforeRetry(
                        retry ->
                            log.warn("Following the outbox failed, retrying", retry.failure())))
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable current = following;
    if (current != null) {
      current.dispose();
    }
    following = null;
  }

  @Override
  public boolean isRunning() {
    return following != null;
  }
}
