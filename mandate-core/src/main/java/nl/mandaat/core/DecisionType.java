package nl.mandaat.core;

import java.util.Objects;

/**
 * A besluittype of the catalogue (ZGW Catalogi BesluitType) with what the law says about who may
 * take it.
 *
 * @param competentBody the body that holds the power by law (attributie)
 * @param mandatable false for Awb 10:3(2) types; then {@code notMandatableReason} says why
 * @param notMandatableReason null when mandatable
 * @param delegable whether a statute allows delegating it (Awb 10:14)
 * @param reservedToRaad Gemeentewet 156(2): never delegated, never mandated
 */
public record DecisionType(
    String code,
    String omschrijving,
    String competentBody,
    String legalBasis,
    boolean mandatable,
    String notMandatableReason,
    boolean delegable,
    boolean reservedToRaad) {
  public DecisionType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(omschrijving, "omschrijving");
    Objects.requireNonNull(competentBody, "competentBody");
  }

  /** A mandatable, non-delegable type of {@code competentBody}. */
  public static DecisionType mandatable(
      String code, String omschrijving, String competentBody, String legalBasis) {
    return new DecisionType(
        code, omschrijving, competentBody, legalBasis, true, null, false, false);
  }
}
