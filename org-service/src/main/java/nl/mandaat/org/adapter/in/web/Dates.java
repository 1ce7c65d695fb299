package nl.mandaat.org.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;

final class Dates {

  private Dates() {}

  /** {@code at}, or today in the municipality's zone. */
  static LocalDate orToday(LocalDate at, Clock clock) {
    return at != null ? at : LocalDate.now(clock);
  }
}
