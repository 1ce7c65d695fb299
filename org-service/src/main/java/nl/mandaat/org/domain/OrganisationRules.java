package nl.mandaat.org.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.mandaat.core.Position;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;

/**
 * The rules of the organisation's structure that mandate-core's {@code Validator} does not know:
 * each is a named function returning a verdict with the codes of {@link Violation} (plus {@link
 * #OVERLAPPING_UNIT_WINDOW}). Validation at the source (charter: vastlegging en controle aan de
 * bron). Stateless and thread-safe.
 */
public final class OrganisationRules {

  /** A new window of a unit that starts on or before one already recorded. */
  public static final String OVERLAPPING_UNIT_WINDOW = "OVERLAPPING_UNIT_WINDOW";

  /** At most this many staff make an afdeling small for a teammanager (the charter: 25-30). */
  public static final int SMALL_AFDELING_HEADCOUNT = 25;

  private OrganisationRules() {}

  /** Every violation of all the verdicts, in order. */
  public static Verdict all(Verdict... verdicts) {
    List<Violation> violations = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      violations.addAll(verdict.violations());
    }
    return Verdict.of(violations);
  }

  /** A window's end never lies before its start. */
  public static Verdict windowIsValid(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      return reject(
          Violation.INVALID_WINDOW,
          "validTo",
          "De einddatum ligt voor de begindatum.",
          "The end date lies before the start date.");
    }
    return Verdict.accepted();
  }

  /** A code is recorded once. */
  public static Verdict codeIsFree(String code, boolean taken) {
    if (taken) {
      return reject(
          Violation.DUPLICATE_ID,
          "code",
          "Er bestaat al een vastlegging met code " + code + ".",
          "A record with code " + code + " already exists.");
    }
    return Verdict.accepted();
  }

  /**
   * A unit's parent is in force on the day the unit's window starts.
   *
   * @param inForce the units in force that day, by code
   */
  public static Verdict parentUnitIsKnown(String parentCode, Map<String, OrgUnit> inForce) {
    if (parentCode != null && !inForce.containsKey(parentCode)) {
      return unknownUnit(parentCode, "parent");
    }
    return Verdict.accepted();
  }

  /**
   * The unit tree stays a tree: following the parents up from the new window never returns to the
   * unit itself.
   *
   * @param inForce the units in force on the day the new window starts, by code
   */
  public static Verdict unitTreeHasNoCycle(
      String code, String parentCode, Map<String, OrgUnit> inForce) {
    Set<String> seen = new HashSet<>();
    String current = parentCode;
    while (current != null && seen.add(current)) {
      if (current.equals(code)) {
        return reject(
            Violation.CYCLE,
            "parent",
            "Eenheid " + code + " zou onder zichzelf komen te hangen.",
            "Unit " + code + " would end up below itself.");
      }
      OrgUnit above = inForce.get(current);
      current = above == null ? null : above.parentCode();
    }
    return Verdict.accepted();
  }

  /**
   * A new window of a unit follows every recorded window of that code: effective dating adds
   * windows, it never rewrites the past.
   */
  public static Verdict unitWindowFollowsHistory(
      String code, LocalDate validFrom, List<OrgUnit> history) {
    for (OrgUnit window : history) {
      if (!window.validFrom().isBefore(validFrom)) {
        return reject(
            OVERLAPPING_UNIT_WINDOW,
            "validFrom",
            "Eenheid " + code + " heeft al een periode vanaf " + window.validFrom() + ".",
            "Unit " + code + " already has a window from " + window.validFrom() + ".");
      }
    }
    return Verdict.accepted();
  }

  /** A position belongs to a unit in force on the day the position starts. */
  public static Verdict positionUnitIsKnown(String unitCode, Map<String, OrgUnit> inForce) {
    if (unitCode == null || !inForce.containsKey(unitCode)) {
      return unknownUnit(unitCode, "unit");
    }
    return Verdict.accepted();
  }

  /** The position reported to is recorded, and is not the position itself. */
  public static Verdict reportsToIsKnown(String code, String reportsTo, boolean known) {
    if (reportsTo == null) {
      return Verdict.accepted();
    }
    if (reportsTo.equals(code)) {
      return reject(
          Violation.CYCLE,
          "reportsTo",
          "Functie " + code + " kan niet aan zichzelf rapporteren.",
          "Position " + code + " cannot report to itself.");
    }
    if (!known) {
      return reject(
          Violation.UNKNOWN_POSITION,
          "reportsTo",
          "Onbekende functie " + reportsTo + ".",
          "Unknown position " + reportsTo + ".");
    }
    return Verdict.accepted();
  }

  /**
   * The charter appoints a teammanager only in large afdelingen (more than 25-30 staff): a
   * teammanager under a smaller one is allowed, with a warning.
   *
   * @param unit the position's unit
   * @param inForce the units in force on the day the position starts, by code
   */
  public static Optional<Warning> teammanagerInLargeAfdeling(
      Position position, OrgUnit unit, Map<String, OrgUnit> inForce) {
    if (!isTeammanager(position) || unit == null) {
      return Optional.empty();
    }
    OrgUnit afdeling = unit.kind() == UnitKind.TEAM ? inForce.get(unit.parentCode()) : unit;
    if (afdeling == null
        || afdeling.kind() != UnitKind.DEPARTMENT
        || afdeling.headcount() > SMALL_AFDELING_HEADCOUNT) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning(
            Warning.SMALL_AFDELING,
            "Afdeling "
                + afdeling.code()
                + " has "
                + afdeling.headcount()
                + " staff; the charter appoints a teammanager only above 25-30."));
  }

  /** A teammanager position, by the demo register's naming or by its name. */
  public static boolean isTeammanager(Position position) {
    return position.code().startsWith("teammanager")
        || position.name().toLowerCase(java.util.Locale.ROOT).startsWith("teammanager");
  }

  private static Verdict unknownUnit(String unit, String field) {
    return reject(
        Violation.UNKNOWN_ORG_UNIT,
        field,
        "Onbekende organisatie-eenheid " + unit + ".",
        "Unknown organisational unit " + unit + ".");
  }

  private static Verdict reject(String code, String field, String nl, String en) {
    return Verdict.of(List.of(Violation.of(code, field, nl, en)));
  }
}
