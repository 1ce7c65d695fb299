package nl.mandaat.core;

import java.util.List;
import java.util.Optional;

/**
 * The evaluator's answer: permit or deny, with the reason, the conditions and instructions to
 * honour, the signature formula, the chain from the competent body to the subject and the register
 * revision; for a deny where it failed and where to escalate.
 *
 * <p>Immutable and thread-safe; lists are unmodifiable and never null.
 */
public final class Evaluation {
  private final boolean permit;
  private final Reason reason;
  private final List<String> conditions;
  private final List<String> instructions;
  private final String signature;
  private final String onBehalfOf;
  private final String position;
  private final List<ChainLink> chain;
  private final long revision;
  private final FailedAt failedAt;
  private final String escalateTo;

  Evaluation(
      boolean permit,
      Reason reason,
      List<String> conditions,
      List<String> instructions,
      String signature,
      String onBehalfOf,
      String position,
      List<ChainLink> chain,
      long revision,
      FailedAt failedAt,
      String escalateTo) {
    this.permit = permit;
    this.reason = reason;
    this.conditions = conditions;
    this.instructions = instructions;
    this.signature = signature;
    this.onBehalfOf = onBehalfOf;
    this.position = position;
    this.chain = chain;
    this.revision = revision;
    this.failedAt = failedAt;
    this.escalateTo = escalateTo;
  }

  static Evaluation deny(
      Reason reason, long revision, FailedAt failedAt, String escalateTo, List<ChainLink> chain) {
    return new Evaluation(
        false,
        reason,
        List.of(),
        List.of(),
        null,
        null,
        null,
        chain,
        revision,
        failedAt,
        escalateTo);
  }

  /** Whether the subject may take the action. */
  public boolean permit() {
    return permit;
  }

  /** The reason code of API.md; {@link Reason#PERMIT} for a permit. */
  public Reason reason() {
    return reason;
  }

  /** The reason in Dutch and English. */
  public LocalizedText reasonText() {
    return reason.text();
  }

  /** Conditions to meet before the decision takes effect, e.g. {@code CO_SIGN:inkoop}. */
  public List<String> conditions() {
    return conditions;
  }

  /** The mandators' conditions and instructions along the chain (Awb 10:6). */
  public List<String> instructions() {
    return instructions;
  }

  /**
   * The signature formula: "namens &lt;body&gt;" under mandate (Awb 10:10), the body itself under a
   * signature mandate (Awb 10:11), the delegate with the delegation decision under delegation (Awb
   * 10:19); empty for a deny.
   */
  public Optional<String> signature() {
    return Optional.ofNullable(signature);
  }

  /** The body whose power is exercised; empty for a deny. */
  public Optional<String> onBehalfOf() {
    return Optional.ofNullable(onBehalfOf);
  }

  /** The position through which the subject may act; empty for a deny or a body. */
  public Optional<String> position() {
    return Optional.ofNullable(position);
  }

  /**
   * The chain from the competent body to the subject: grant links root first, then a higher
   * position or substitution link when applicable, then the assignment; for a deny the chain of the
   * grant that came closest, or empty.
   */
  public List<ChainLink> chain() {
    return chain;
  }

  /** The register revision the answer comes from. */
  public long revision() {
    return revision;
  }

  /** For a deny: the first failing link and condition. */
  public Optional<FailedAt> failedAt() {
    return Optional.ofNullable(failedAt);
  }

  /**
   * For a deny: the nearest position up the reporting line that would get a permit for the same
   * question, else the body to escalate to; empty when there is nowhere to go.
   */
  public Optional<String> escalateTo() {
    return Optional.ofNullable(escalateTo);
  }

  @Override
  public String toString() {
    return "Evaluation["
        + (permit ? "PERMIT" : "DENY " + reason)
        + " revision="
        + revision
        + (position != null ? " position=" + position : "")
        + (conditions.isEmpty() ? "" : " conditions=" + conditions)
        + (failedAt != null ? " failedAt=" + failedAt : "")
        + (escalateTo != null ? " escalateTo=" + escalateTo : "")
        + " chain="
        + chain
        + "]";
  }
}
