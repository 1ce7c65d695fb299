package nl.mandaat.core;

import java.util.Objects;

/**
 * A unit of the organisation tree. A grant that covers a unit covers every unit below it.
 *
 * @param parentCode the unit above, null for the root (the municipality)
 */
public record OrgUnit(String code, String name, String parentCode, Kind kind, int headcount) {

  /** The level of a unit in the charter's organisation. */
  public enum Kind {
    GEMEENTE,
    DIRECTIE,
    AFDELING,
    TEAM
  }

  public OrgUnit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static OrgUnit of(String code, String name, String parentCode, Kind kind, int headcount) {
    return new OrgUnit(code, name, parentCode, kind, headcount);
  }
}
