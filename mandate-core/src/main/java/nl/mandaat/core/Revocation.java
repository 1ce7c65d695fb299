package nl.mandaat.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Ends a grant from {@code revokedAt} on, and with it every grant below it (Awb 10:8, 10:9(2)). The
 * revocation moment is also the moment it is recorded: the register never revokes retroactively, so
 * the past stays answerable as it stood (rule 23).
 */
public record Revocation(String grantId, Instant revokedAt, String reason, String decisionRef) {
  public Revocation {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public static Revocation of(String grantId, Instant revokedAt, String reason, String ref) {
    return new Revocation(grantId, revokedAt, reason, ref);
  }
}
