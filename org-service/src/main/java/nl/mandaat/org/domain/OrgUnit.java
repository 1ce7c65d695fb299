package nl.mandaat.org.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An organisational unit as it stands during one validity window. Units are effective-dated: a
 * change (a new name, another parent) is a new window, never an overwrite, so the register can
 * answer for any past date (DOMAIN.md rule 23).
 *
 * @param code the stable code used in the API and in grants, e.g. {@code vergunningen}
 * @param name the display name
 * @param parentCode the code of the unit above, or {@code null} for the municipality itself
 * @param kind what the unit is
 * @param validFrom the first day the unit is in force
 * @param validTo the last day the unit is in force (inclusive), or {@code null} when open-ended
 * @param headcount the staff of the unit itself and every unit below it
 */
public record OrgUnit(
    String code,
    String name,
    String parentCode,
    UnitKind kind,
    LocalDate validFrom,
    LocalDate validTo,
    int headcount) {

  public OrgUnit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(validFrom, "validFrom");
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "Unit " + code + " would end (" + validTo + ") before it starts (" + validFrom + ")");
    }
    if (headcount < 0) {
      throw new IllegalArgumentException("Unit " + code + " cannot have a negative headcount");
    }
    if (code.equals(parentCode)) {
      throw new IllegalArgumentException("Unit " + code + " cannot be its own parent");
    }
  }

  /** The same unit ending on {@code lastDay}. */
  public OrgUnit endingOn(LocalDate lastDay) {
    return new OrgUnit(code, name, parentCode, kind, validFrom, lastDay, headcount);
  }

  /** The unit as mandate-core models it (without its window). */
  public nl.mandaat.core.OrgUnit toCore() {
    return nl.mandaat.core.OrgUnit.of(code, name, parentCode, kind.toCore(), headcount);
  }

  /** Whether the unit is in force on {@code date}: both the first and the last day count. */
  public boolean isInForceOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }
}
