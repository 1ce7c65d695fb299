package nl.mandaat.mandate.domain;

import java.time.Instant;
import java.time.LocalDate;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;

/**
 * Where a grant stands in its lifecycle at a moment: concept, then in force (or not yet), then
 * revoked or expired. Only {@link #CONCEPT} is stored; the others follow from the window and the
 * revocations of the grant and its chain (Awb 10:8, 10:9(2)).
 */
public enum GrantStatus {
  CONCEPT,
  NOT_YET_IN_FORCE,
  IN_FORCE,
  REVOKED,
  EXPIRED;

  /** The status of a recorded, non-concept grant at {@code moment}, as the register stood then. */
  public static GrantStatus of(Register register, Grant grant, Instant moment) {
    boolean revoked = register.revokedAt(grant.id()).map(at -> !at.isAfter(moment)).orElse(false);
    if (revoked) {
      return REVOKED;
    }
    LocalDate date = register.dateAt(moment);
    for (Grant link : register.chainOf(grant.id())) {
      if (link.window().to() != null && link.window().to().isBefore(date)) {
        return EXPIRED;
      }
    }
    return register.inForce(grant.id(), moment) ? IN_FORCE : NOT_YET_IN_FORCE;
  }
}
