package nl.mandaat.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A validity window of calendar dates, both ends inclusive, in the register's zone.
 *
 * <p>{@code from} is never null; {@code to} is null for an open end. A window whose end lies before
 * its start is representable (so that validation can report it) but contains no date. Immutable and
 * thread-safe.
 */
public record Window(LocalDate from, LocalDate to) {

  /** A window that contains every date. */
  public static final Window ALWAYS = new Window(LocalDate.MIN, null);

  public Window {
    Objects.requireNonNull(from, "from");
  }

  /** A window from {@code from} to {@code to}, both inclusive; {@code to} may be null. */
  public static Window of(LocalDate from, LocalDate to) {
    return new Window(from, to);
  }

  /** An open-ended window starting at {@code from}. */
  public static Window from(LocalDate from) {
    return new Window(from, null);
  }

  /** Whether the end does not lie before the start. */
  public boolean isValid() {
    return to == null || !to.isBefore(from);
  }

  /** Whether {@code date} lies in this window. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && (to == null || !date.isAfter(to));
  }

  /** Whether every date of {@code other} lies in this window. */
  public boolean encloses(Window other) {
    if (other.from.isBefore(from)) {
      return false;
    }
    return to == null || (other.to != null && !other.to.isAfter(to));
  }

  /** Whether the two windows share at least one date. */
  public boolean overlaps(Window other) {
    boolean startsBeforeOtherEnds = other.to == null || !from.isAfter(other.to);
    boolean otherStartsBeforeThisEnds = to == null || !other.from.isAfter(to);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  /** The dates both windows contain (possibly an empty, invalid window). */
  public Window intersect(Window other) {
    LocalDate start = from.isAfter(other.from) ? from : other.from;
    LocalDate end;
    if (to == null) {
      end = other.to;
    } else if (other.to == null) {
      end = to;
    } else {
      end = to.isBefore(other.to) ? to : other.to;
    }
    return new Window(start, end);
  }
}
