package nl.mandaat.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A substitute stands in for a position during its holder's absence: exercises its mandates but
 * never grants, changes or revokes sub-mandates (rule 19).
 */
public record Substitution(
    String id, String substitute, String position, Window window, Instant recordedAt) {
  public Substitution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(substitute, "substitute");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  public static Substitution of(
      String id, String substitute, String position, Window window, Instant recordedAt) {
    return new Substitution(id, substitute, position, window, recordedAt);
  }
}
