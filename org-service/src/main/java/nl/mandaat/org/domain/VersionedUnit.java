package nl.mandaat.org.domain;

import java.util.Objects;

/**
 * A unit's window with the unit's version, which optimistic locking compares on every change.
 *
 * @param unit the window
 * @param version raised by one on every change of the unit (shared by all its windows)
 */
public record VersionedUnit(OrgUnit unit, long version) {
  public VersionedUnit {
    Objects.requireNonNull(unit, "unit");
  }
}
