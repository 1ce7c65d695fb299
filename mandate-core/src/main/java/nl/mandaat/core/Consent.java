package nl.mandaat.core;

/**
 * The recorded consent of a non-subordinate mandatary and of its employer (Awb 10:4).
 *
 * @param mandataryConsentRef reference to the mandatary's written consent
 * @param employerConsentRef reference to the employer's written consent
 */
public record Consent(String mandataryConsentRef, String employerConsentRef) {
  /** Whether both consents are referenced. */
  public boolean isComplete() {
    return mandataryConsentRef != null
        && !mandataryConsentRef.isBlank()
        && employerConsentRef != null
        && !employerConsentRef.isBlank();
  }
}
