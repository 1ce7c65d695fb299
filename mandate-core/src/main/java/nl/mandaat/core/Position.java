package nl.mandaat.core;

import java.util.Objects;

/**
 * A functie: grants are held by positions, never by persons.
 *
 * @param unitCode the unit the position belongs to; a grant without units covers this unit
 * @param reportsTo the position above in the reporting line, null at the top
 * @param singleHolder whether at most one person may be assigned at a time
 * @param external whether the position lies outside the municipality's line (e.g. an
 *     omgevingsdienst): a mandate to it needs recorded consent (Awb 10:4)
 * @param lifetime the dates the position exists
 */
public record Position(
    String code,
    String name,
    String unitCode,
    String reportsTo,
    boolean singleHolder,
    boolean external,
    Window lifetime) {
  public Position {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitCode, "unitCode");
    lifetime = lifetime == null ? Window.ALWAYS : lifetime;
  }

  /** An internal, single-holder position that exists always. */
  public static Position of(String code, String name, String unitCode, String reportsTo) {
    return new Position(code, name, unitCode, reportsTo, true, false, Window.ALWAYS);
  }
}
