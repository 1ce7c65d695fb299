package nl.mandaat.mandate.adapter.in.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** When the notices job runs: once shortly after start, then daily at the cron time. */
class ExpiryNoticeScheduleTests {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  final List<Instant> ranAt = new ArrayList<>();

  ExpiryNoticeSchedule schedule(VirtualTimeScheduler timer, Mono<Integer> job) {
    return new ExpiryNoticeSchedule(
        () -> job.doOnSubscribe(s -> ranAt.add(now(timer))),
        CronExpression.parse("0 30 5 * * *"),
        AMSTERDAM,
        Duration.ofSeconds(30),
        timer);
  }

  static Instant now(VirtualTimeScheduler timer) {
    return Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS));
  }

  @Test
  void runsOnceAfterTheInitialDelayThenEveryDayAtTheCronTimeInItsZone() {
    VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    // Started at 14:00 in Amsterdam, 2026-11-28.
    timer.advanceTimeTo(Instant.parse("2026-11-28T13:00:00Z"));

    StepVerifier.withVirtualTime(() -> schedule(timer, Mono.just(3)).runs(), () -> timer, 3)
        .expectSubscription()
        .expectNoEvent(Duration.ofSeconds(29))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(3)
        .thenAwait(Duration.ofDays(2))
        .expectNext(3, 3)
        .thenCancel()
        .verify();

    assertThat(ranAt)
        .containsExactly(
            Instant.parse("2026-11-28T13:00:30Z"),
            // 05:30 in Amsterdam is 04:30 UTC in winter.
            Instant.parse("2026-11-29T04:30:00Z"),
            Instant.parse("2026-11-30T04:30:00Z"));
  }

  @Test
  void aFailedRunIsLoggedAndTheNextComesAtItsTime() {
    VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    timer.advanceTimeTo(Instant.parse("2026-11-28T13:00:00Z"));

    StepVerifier.withVirtualTime(
            () -> schedule(timer, Mono.error(new IllegalStateException("database down"))).runs(),
            () -> timer,
            2)
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(30))
        .expectNext(0)
        .thenAwait(Duration.ofDays(1))
        .expectNext(0)
        .thenCancel()
        .verify();

    assertThat(ranAt).hasSize(2);
  }
}
