package nl.mandaat.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.FailedAt;
import nl.mandaat.core.Question;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.gateway.application.port.DecisionLog;
import nl.mandaat.gateway.application.port.Registers;
import nl.mandaat.gateway.domain.DecisionRecord;
import reactor.core.publisher.Mono;

/**
 * Answers "may this subject do X?" from the register replica, in process, and records the answer:
 * every deny, and permits at the configured sample rate (issue 6).
 *
 * <p>Consistency (ARCHITECTURE.md, "The evaluator"): an answer never comes from a register older
 * than the revision the caller names, nor from a stale replica. Thread-safe.
 */
public final class DecideAccess {

  /**
   * Who asked and through what.
   *
   * @param source {@code authzen} or the enforced route's id
   * @param caller the token's user or client
   * @param traceparent W3C trace context, null when none
   * @param processingActivity AuthZEN NL-gov {@code processing_activity_id}, null when none
   */
  public record Asked(String source, String caller, String traceparent, String processingActivity) {
    public Asked {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(caller, "caller");
    }
  }

  private final Registers registers;
  private final DecisionLog log;
  private final Duration maxWait;
  private final double permitSampleRate;
  private final Clock clock;

  /**
   * @param maxWait the longest wait for a {@code minRevision} to arrive
   * @param permitSampleRate the share of permits recorded, 0 to 1; denies are always recorded
   */
  public DecideAccess(
      Registers registers,
      DecisionLog log,
      Duration maxWait,
      double permitSampleRate,
      Clock clock) {
    this.registers = Objects.requireNonNull(registers, "registers");
    this.log = Objects.requireNonNull(log, "log");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    if (!(permitSampleRate >= 0 && permitSampleRate <= 1)) {
      throw new IllegalArgumentException("permitSampleRate must lie in [0, 1]");
    }
    this.permitSampleRate = permitSampleRate;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The register to answer from: the current one, or with {@code minRevision} (null: none) one at
   * that revision or later, waited for at most the configured time. Empty when there is none: the
   * caller answers {@code REGISTER_UNAVAILABLE} and never a permit.
   */
  public Mono<RegisterSnapshot> register(Long minRevision) {
    if (minRevision == null) {
      RegisterSnapshot now = registers.current();
      return now.isAvailable() ? Mono.just(now) : Mono.empty();
    }
    return registers.atLeast(minRevision, maxWait).filter(RegisterSnapshot::isAvailable);
  }

  /** How long a caller refused for an unavailable register should wait before asking again. */
  public Duration retryAfter() {
    return maxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxWait;
  }

  /**
   * Evaluates {@code question} on {@code register} and records the answer.
   *
   * @param questionJson the question as the caller put it, computed only when recorded
   */
  public Evaluation evaluate(
      RegisterSnapshot register, Question question, Asked asked, Supplier<String> questionJson) {
    Evaluation answer = register.evaluate(question);
    if (!answer.permit() || sampled()) {
      log.record(
          new DecisionRecord(
              clock.instant(),
              asked.source(),
              asked.caller(),
              question.subject().kind().name().toLowerCase(Locale.ROOT),
              question.subject().code(),
              question.action().name().toLowerCase(Locale.ROOT),
              question.decisionType(),
              questionJson.get(),
              answer.permit(),
              answer.reason().name(),
              answer.revision(),
              answer.failedAt().map(DecideAccess::describe).orElse(null),
              asked.traceparent(),
              asked.processingActivity()));
    }
    return answer;
  }

  private boolean sampled() {
    return permitSampleRate > 0
        && (permitSampleRate >= 1 || ThreadLocalRandom.current().nextDouble() < permitSampleRate);
  }

  private static String describe(FailedAt failedAt) {
    StringBuilder b = new StringBuilder();
    if (failedAt.grantId() != null) {
      b.append("grant ").append(failedAt.grantId());
    }
    if (failedAt.position() != null) {
      b.append(b.isEmpty() ? "" : ", ").append("position ").append(failedAt.position());
    }
    if (failedAt.condition() != null) {
      b.append(b.isEmpty() ? "" : ": ").append(failedAt.condition());
    }
    return b.toString();
  }
}
