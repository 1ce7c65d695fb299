package nl.mandaat.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A question to the evaluator: may this subject take this action for this decision type, in this
 * unit, for this amount, at this moment?
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; subject and decision type are
 * required, the action defaults to {@link Action#DECIDE}, the moment to the moment of evaluation.
 * Without a unit, the unit of the position that tries is meant.
 */
public final class Question {
  private final Subject subject;
  private final Action action;
  private final String decisionType;
  private final String orgUnit;
  private final BigDecimal amount;
  final long amountCents;
  private final boolean deviatesFromPolicy;
  private final boolean politicallySensitive;
  private final String objectionPrimaryDecider;
  private final boolean objectionPrimaryByBody;
  private final boolean objection;
  private final String reportedBy;
  private final Instant at;

  // The hot path's reads kept in this object, so that an evaluation touches no Subject or Instant.
  final Subject.Kind subjectKind;
  final String subjectCode;
  final int subjectHash;
  final int decisionTypeHash;
  final int orgUnitHash;

  /** The subject's and the unit's codes as {@link PackedCode}s. */
  final long subjectLow;

  final long subjectHigh;
  final long orgUnitLow;
  final long orgUnitHigh;

  final long atSecond;
  final long atNanos;

  private Question(Builder b) {
    this.subject = Objects.requireNonNull(b.subject, "subject");
    this.action = Objects.requireNonNull(b.action, "action");
    this.decisionType = Objects.requireNonNull(b.decisionType, "decisionType");
    this.orgUnit = b.orgUnit;
    this.amount = b.amount;
    this.amountCents = b.amount == null ? -1 : Amounts.toCents(b.amount);
    this.deviatesFromPolicy = b.deviatesFromPolicy;
    this.politicallySensitive = b.politicallySensitive;
    this.objection = b.objection;
    this.objectionPrimaryDecider = b.objectionPrimaryDecider;
    this.objectionPrimaryByBody = b.objectionPrimaryByBody;
    this.reportedBy = b.reportedBy;
    this.at = b.at;
    this.subjectKind = subject.kind();
    this.subjectCode = subject.code();
    this.subjectHash = subjectCode.hashCode();
    this.decisionTypeHash = decisionType.hashCode();
    this.orgUnitHash = orgUnit == null ? 0 : orgUnit.hashCode();
    this.subjectLow = PackedCode.low(subjectCode);
    this.subjectHigh = PackedCode.high(subjectCode);
    this.orgUnitLow = PackedCode.low(orgUnit);
    this.orgUnitHigh = PackedCode.high(orgUnit);
    this.atSecond = at == null ? 0 : at.getEpochSecond();
    this.atNanos = at == null ? 0 : RegisterSnapshot.nanos(at);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this question's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.subject = subject;
    b.action = action;
    b.decisionType = decisionType;
    b.orgUnit = orgUnit;
    b.amount = amount;
    b.deviatesFromPolicy = deviatesFromPolicy;
    b.politicallySensitive = politicallySensitive;
    b.objection = objection;
    b.objectionPrimaryDecider = objectionPrimaryDecider;
    b.objectionPrimaryByBody = objectionPrimaryByBody;
    b.reportedBy = reportedBy;
    b.at = at;
    return b;
  }

  public Subject subject() {
    return subject;
  }

  public Action action() {
    return action;
  }

  public String decisionType() {
    return decisionType;
  }

  /** The unit, null for the trying position's own unit. */
  public String orgUnit() {
    return orgUnit;
  }

  /** The amount, null when none. */
  public BigDecimal amount() {
    return amount;
  }

  public boolean deviatesFromPolicy() {
    return deviatesFromPolicy;
  }

  public boolean politicallySensitive() {
    return politicallySensitive;
  }

  /** Whether this is an objection (bezwaar) against a primary decision. */
  public boolean objection() {
    return objection;
  }

  /** Who took the primary decision, null when unknown or not an objection. */
  public String objectionPrimaryDecider() {
    return objectionPrimaryDecider;
  }

  public boolean objectionPrimaryByBody() {
    return objectionPrimaryByBody;
  }

  /** Who reported the offence (for a fine), null when not applicable. */
  public String reportedBy() {
    return reportedBy;
  }

  /** The moment, null for the moment of evaluation. */
  public Instant at() {
    return at;
  }

  @Override
  public String toString() {
    return "Question["
        + subject
        + " "
        + action
        + " "
        + decisionType
        + " unit="
        + orgUnit
        + " amount="
        + amount
        + (deviatesFromPolicy ? " deviates" : "")
        + (politicallySensitive ? " political" : "")
        + (objection
            ? " objection(" + objectionPrimaryDecider + "," + objectionPrimaryByBody + ")"
            : "")
        + (reportedBy != null ? " reportedBy=" + reportedBy : "")
        + " at="
        + at
        + "]";
  }

  /** Builds a {@link Question}; not thread-safe. */
  public static final class Builder {
    private Subject subject;
    private Action action = Action.DECIDE;
    private String decisionType;
    private String orgUnit;
    private BigDecimal amount;
    private boolean deviatesFromPolicy;
    private boolean politicallySensitive;
    private boolean objection;
    private String objectionPrimaryDecider;
    private boolean objectionPrimaryByBody;
    private String reportedBy;
    private Instant at;

    private Builder() {}

    public Builder subject(Subject subject) {
      this.subject = subject;
      return this;
    }

    public Builder person(String username) {
      return subject(Subject.person(username));
    }

    public Builder position(String code) {
      return subject(Subject.position(code));
    }

    public Builder body(String code) {
      return subject(Subject.body(code));
    }

    public Builder action(Action action) {
      this.action = action;
      return this;
    }

    public Builder decisionType(String code) {
      this.decisionType = code;
      return this;
    }

    public Builder orgUnit(String code) {
      this.orgUnit = code;
      return this;
    }

    /**
     * The amount in euro, at most two decimals; null for a decision without an amount, which no
     * ceiling limits (callers that enforce a ceiling must pass the amount). A co-sign with a
     * threshold is then required all the same (fail closed).
     */
    public Builder amount(BigDecimal amount) {
      this.amount = amount;
      return this;
    }

    public Builder amount(String amount) {
      return amount(amount == null ? null : new BigDecimal(amount));
    }

    public Builder deviatesFromPolicy() {
      return deviatesFromPolicy(true);
    }

    public Builder deviatesFromPolicy(boolean deviates) {
      this.deviatesFromPolicy = deviates;
      return this;
    }

    public Builder politicallySensitive() {
      return politicallySensitive(true);
    }

    public Builder politicallySensitive(boolean sensitive) {
      this.politicallySensitive = sensitive;
      return this;
    }

    /**
     * An objection against a primary decision taken by {@code primaryDecider} (Awb 10:3(3)), or by
     * the body itself (then it goes to the body, rule 21).
     */
    public Builder objectionAgainst(String primaryDecider, boolean primaryDecidedByBody) {
      this.objection = true;
      this.objectionPrimaryDecider = primaryDecider;
      this.objectionPrimaryByBody = primaryDecidedByBody;
      return this;
    }

    /** The person who reported the offence a fine is about (Awb 10:3(4)). */
    public Builder reportedBy(String username) {
      this.reportedBy = username;
      return this;
    }

    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    /**
     * The question.
     *
     * @throws NullPointerException when subject or decision type is missing
     * @throws IllegalArgumentException when the amount is negative or has more than two decimals
     */
    public Question build() {
      return new Question(this);
    }
  }
}
