package nl.mandaat.org.domain;

import java.util.Objects;
import nl.mandaat.core.Position;
import nl.mandaat.core.Window;

/**
 * A position a person holds on a date, and through what.
 *
 * @param position the position
 * @param via whether the person is assigned to it or stands in for it
 * @param recordId the id of the assignment or substitution
 * @param window the window of that assignment or substitution
 */
public record HeldPosition(Position position, Via via, String recordId, Window window) {

  /** How a person holds a position. */
  public enum Via {
    ASSIGNMENT,
    SUBSTITUTION
  }

  public HeldPosition {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(window, "window");
  }
}
