package nl.mandaat.core;

/** The reason codes of the decision point (API.md), each with a text a person can read. */
public enum Reason {
  PERMIT("Toegestaan.", "Permitted."),
  NO_MANDATE("Geen mandaat voor dit besluit.", "No mandate for this decision."),
  CEILING_EXCEEDED(
      "Het bedrag ligt boven het plafond van het mandaat.",
      "The amount is above the mandate's ceiling."),
  OUT_OF_SCOPE(
      "Het mandaat geldt niet voor deze organisatie-eenheid.",
      "The mandate does not cover this organisational unit."),
  NOT_YET_VALID("Het mandaat geldt nog niet op dit moment.", "The mandate is not yet valid."),
  EXPIRED("Het mandaat is verlopen.", "The mandate has expired."),
  REVOKED("Het mandaat is ingetrokken.", "The mandate has been revoked."),
  NOT_MANDATABLE("Dit besluit kan niet worden gemandateerd.", "This decision cannot be mandated."),
  ESCALATE(
      "Dit besluit moet worden voorgelegd aan een hoger niveau.",
      "This decision must be escalated."),
  SAME_DECIDER(
      "U mag niet beslissen over uw eigen besluit of melding.",
      "You may not decide on your own decision or report."),
  SUBSTITUTE_MAY_NOT_GRANT(
      "Een vervanger mag geen ondermandaat verlenen.", "A substitute may not grant a sub-mandate."),
  UNKNOWN_SUBJECT("Onbekende persoon of functie.", "Unknown person or position."),
  UNKNOWN_DECISION_TYPE("Onbekend besluittype.", "Unknown decision type."),
  REGISTER_UNAVAILABLE(
      "Het mandaatregister is niet beschikbaar.", "The mandate register is unavailable.");

  private final LocalizedText text;

  Reason(String nl, String en) {
    this.text = new LocalizedText(nl, en);
  }

  /** The reason in words. */
  public LocalizedText text() {
    return text;
  }
}
