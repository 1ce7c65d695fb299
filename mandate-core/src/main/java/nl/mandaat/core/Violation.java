package nl.mandaat.core;

import java.util.Objects;

/**
 * A rule a proposed change breaks: a code (those of API.md plus the ones below), a sentence in
 * Dutch and in English, and the field it concerns (may be null).
 */
public record Violation(String code, String messageNl, String messageEn, String field) {

  // API.md codes
  public static final String SUB_MANDATE_NOT_ALLOWED = "SUB_MANDATE_NOT_ALLOWED";
  public static final String EXCEEDS_PARENT_CEILING = "EXCEEDS_PARENT_CEILING";
  public static final String EXCEEDS_PARENT_SCOPE = "EXCEEDS_PARENT_SCOPE";
  public static final String EXCEEDS_PARENT_VALIDITY = "EXCEEDS_PARENT_VALIDITY";
  public static final String NOT_SUBORDINATE = "NOT_SUBORDINATE";
  public static final String SELF_GRANT = "SELF_GRANT";
  public static final String SUBSTITUTE_MAY_NOT_GRANT = "SUBSTITUTE_MAY_NOT_GRANT";
  public static final String NOT_MANDATABLE = "NOT_MANDATABLE";
  public static final String RESERVED_TO_RAAD = "RESERVED_TO_RAAD";
  public static final String CYCLE = "CYCLE";
  public static final String NOT_HOLDER = "NOT_HOLDER";

  // Codes for rules without an API.md code
  /** Awb 10:5: a root grant references its written grant decision. */
  public static final String MISSING_GRANT_DECISION = "MISSING_GRANT_DECISION";

  /** Awb 10:14: a delegation needs a statutory basis. */
  public static final String NO_STATUTORY_BASIS = "NO_STATUTORY_BASIS";

  /** Awb 10:14: a delegation never goes to a subordinate. */
  public static final String DELEGATION_TO_SUBORDINATE = "DELEGATION_TO_SUBORDINATE";

  /** The decision type may not be delegated (no statute allows it). */
  public static final String NOT_DELEGABLE = "NOT_DELEGABLE";

  /** Rule 18 / Awb 10:17: a body grants only a power it holds and has not delegated away. */
  public static final String NOT_COMPETENT = "NOT_COMPETENT";

  /** Rule 9: the parent grant is revoked or ended when the sub-grant is recorded. */
  public static final String PARENT_NOT_IN_FORCE = "PARENT_NOT_IN_FORCE";

  /** Rule 1: a root grant's grantor is a body, a sub-grant's grantor the parent's holder. */
  public static final String INVALID_GRANTOR = "INVALID_GRANTOR";

  public static final String UNKNOWN_GRANT = "UNKNOWN_GRANT";
  public static final String UNKNOWN_BODY = "UNKNOWN_BODY";
  public static final String UNKNOWN_POSITION = "UNKNOWN_POSITION";
  public static final String UNKNOWN_PERSON = "UNKNOWN_PERSON";
  public static final String UNKNOWN_ORG_UNIT = "UNKNOWN_ORG_UNIT";
  public static final String UNKNOWN_DECISION_TYPE = "UNKNOWN_DECISION_TYPE";

  /** A grant without decision types. */
  public static final String NO_DECISION_TYPES = "NO_DECISION_TYPES";

  /** An id that is already in the register. */
  public static final String DUPLICATE_ID = "DUPLICATE_ID";

  /** A window whose end lies before its start. */
  public static final String INVALID_WINDOW = "INVALID_WINDOW";

  /** A negative ceiling or one with more than two decimals. */
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";

  /** A grant already revoked. */
  public static final String ALREADY_REVOKED = "ALREADY_REVOKED";

  /** Root grants, assignments and substitutions are recorded by a register administrator. */
  public static final String NOT_REGISTER_ADMINISTRATOR = "NOT_REGISTER_ADMINISTRATOR";

  /** An assignment or substitution outside the position's lifetime. */
  public static final String OUTSIDE_POSITION_LIFETIME = "OUTSIDE_POSITION_LIFETIME";

  /** A second holder of a single-holder position, or the same person twice. */
  public static final String OVERLAPPING_ASSIGNMENT = "OVERLAPPING_ASSIGNMENT";

  /** A person substituting for a position they hold themselves. */
  public static final String SELF_SUBSTITUTION = "SELF_SUBSTITUTION";

  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(messageNl, "messageNl");
    Objects.requireNonNull(messageEn, "messageEn");
  }

  public static Violation of(String code, String field, String messageNl, String messageEn) {
    return new Violation(code, messageNl, messageEn, field);
  }
}
