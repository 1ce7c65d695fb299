package nl.mandaat.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A proposed change to the register, with who makes it and when. Validate it with {@link
 * Validator#validate(Register, RegisterChange)}, apply it with {@link
 * Register#with(RegisterChange)}.
 */
public sealed interface RegisterChange
    permits RegisterChange.NewGrant,
        RegisterChange.RevokeGrant,
        RegisterChange.NewAssignment,
        RegisterChange.NewSubstitution {

  /** Who makes the change. */
  Actor actor();

  /** When the change is recorded; it counts for every moment from then on. */
  Instant recordedAt();

  /** A new grant, recorded at {@link Grant#recordedAt()}. */
  record NewGrant(Grant grant, Actor actor) implements RegisterChange {
    public NewGrant {
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Instant recordedAt() {
      return grant.recordedAt();
    }
  }

  /** Revokes a grant and, by cascade, every grant below it (Awb 10:8, 10:9(2)). */
  record RevokeGrant(Revocation revocation, Actor actor) implements RegisterChange {
    public RevokeGrant {
      Objects.requireNonNull(revocation, "revocation");
      Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Instant recordedAt() {
      return revocation.revokedAt();
    }
  }

  /** A new assignment of a person to a position. */
  record NewAssignment(Assignment assignment, Actor actor) implements RegisterChange {
    public NewAssignment {
      Objects.requireNonNull(assignment, "assignment");
      Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Instant recordedAt() {
      return assignment.recordedAt();
    }
  }

  /** A new substitution for a position. */
  record NewSubstitution(Substitution substitution, Actor actor) implements RegisterChange {
    public NewSubstitution {
      Objects.requireNonNull(substitution, "substitution");
      Objects.requireNonNull(actor, "actor");
    }

    @Override
    public Instant recordedAt() {
      return substitution.recordedAt();
    }
  }
}
