package nl.mandaat.mandate.adapter.in.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs a job once {@code initialDelay} after {@link #start()}, so a service that was down at the
 * daily time catches up, and then at every time {@code cron} names in {@code zone}. Runs never
 * overlap; a failed run is logged and the next one comes at its time. Thread-safe.
 */
public final class ExpiryNoticeSchedule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExpiryNoticeSchedule.class);

  private final Supplier<Mono<Integer>> job;
  private final CronExpression cron;
  private final ZoneId zone;
  private final Duration initialDelay;
  private final Scheduler timer;
  private volatile Disposable running;

  /**
   * @param job one run; answers how many notices it issued
   * @param timer whose clock the times are read from and on which the job is started
   */
  public ExpiryNoticeSchedule(
      Supplier<Mono<Integer>> job,
      CronExpression cron,
      ZoneId zone,
      Duration initialDelay,
      Scheduler timer) {
    this.job = Objects.requireNonNull(job, "job");
    this.cron = Objects.requireNonNull(cron, "cron");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  /** Starts the runs; a second call does nothing. */
  public synchronized void start() {
    if (running == null) {
      running =
          runs()
              .subscribe(
                  null, e -> log.error("Expiry notices are no longer scheduled: {}", e.toString()));
    }
  }

  /** Every run's outcome, the first after the initial delay, then one per cron time; endless. */
  Flux<Integer> runs() {
    return Mono.delay(initialDelay, timer)
        .then(run())
        .concatWith(Mono.defer(() -> Mono.delay(untilNext(), timer)).then(run()).repeat());
  }

  private Mono<Integer> run() {
    return Mono.defer(job)
        .doOnNext(
            issued -> {
              if (issued > 0) {
                log.info("Issued {} expiry notices", issued);
              }
            })
        .onErrorResume(
            e -> {
              log.error("Issuing expiry notices failed; the next run comes at its time", e);
              return Mono.just(0);
            });
  }

  private Duration untilNext() {
    ZonedDateTime now = Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS)).atZone(zone);
    ZonedDateTime next = cron.next(now);
    if (next == null) {
      throw new IllegalStateException("the cron expression names no further time");
    }
    return Duration.between(now, next);
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.dispose();
    }
  }
}
