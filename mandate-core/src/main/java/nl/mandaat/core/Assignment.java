package nl.mandaat.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A person holds a position during a window. It counts at moment t only when recorded at or before
 * t (rule 23).
 */
public record Assignment(
    String id, String person, String position, Window window, Instant recordedAt) {
  public Assignment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  public static Assignment of(
      String id, String person, String position, Window window, Instant recordedAt) {
    return new Assignment(id, person, position, window, recordedAt);
  }
}
