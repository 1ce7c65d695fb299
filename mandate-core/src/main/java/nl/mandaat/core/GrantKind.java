package nl.mandaat.core;

/** The kinds of grant. Rule 13 (Awb 10:12): volmacht and machtiging follow the mandate rules. */
public enum GrantKind {
  DELEGATION,
  MANDATE,
  SUB_MANDATE,
  SIGNATURE_MANDATE,
  POWER_OF_ATTORNEY,
  AUTHORIZATION;

  /** Whether the grant is a mandate in the sense of Awb 10:1 (everything but delegation). */
  public boolean followsMandateRules() {
    return this != DELEGATION;
  }
}
