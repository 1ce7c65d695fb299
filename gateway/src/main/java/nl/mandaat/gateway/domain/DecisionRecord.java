package nl.mandaat.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer of the decision point or the enforcement, for audit: who asked, the question, the
 * answer and the revision it was answered at (issue 6, "The AuthZEN decision point").
 *
 * @param source {@code authzen} or the id of the route that was enforced
 * @param caller the token's user or client that asked
 * @param question the question as JSON text
 * @param failedAt the first failing link and condition, null on a permit
 * @param traceparent the W3C trace context given, null when none
 * @param processingActivity the AuthZEN NL-gov {@code processing_activity_id}, null when none
 */
public record DecisionRecord(
    Instant recordedAt,
    String source,
    String caller,
    String subjectType,
    String subjectId,
    String action,
    String decisionType,
    String question,
    boolean decision,
    String reason,
    long revision,
    String failedAt,
    String traceparent,
    String processingActivity) {

  public DecisionRecord {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decisionType, "decisionType");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reason, "reason");
  }
}
