package nl.mandaat.org.domain;

import java.util.Objects;
import nl.mandaat.core.Position;

/**
 * A position as stored, with the version that optimistic locking compares on every change.
 *
 * @param position the position as mandate-core models it
 * @param version raised by one on every change
 */
public record VersionedPosition(Position position, long version) {
  public VersionedPosition {
    Objects.requireNonNull(position, "position");
  }
}
