package nl.mandaat.org.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.mandaat.core.Position;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;

/**
 * The rules of the organisation's structure that mandate-core's {@code Validator} does not know:
 * each is a named function returning a verdict with the codes of {@link Violation} (plus {@link
 * #OVERLAPPING_UNIT_WINDOW}, {@link #UNIT_HAS_OPEN_CHILDREN} and {@link #UNIT_HAS_OPEN_POSITIONS}).
 * Validation at the source (charter: vastlegging en controle aan de bron). Stateless and
 * thread-safe.
 */
public final class OrganisationRules {

  /** A new window of a unit that starts on or before one already recorded. */
  public static final String OVERLAPPING_UNIT_WINDOW = "OVERLAPPING_UNIT_WINDOW";

  /** A unit closed while a unit below it is still in force after the last day. */
  public static final String UNIT_HAS_OPEN_CHILDREN = "UNIT_HAS_OPEN_CHILDREN";

  /** A unit closed while a position in it still exists after the last day. */
  public static final String UNIT_HAS_OPEN_POSITIONS = "UNIT_HAS_OPEN_POSITIONS";

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

  /**
   * A unit's new window leaves the tree whole on every day from its start on, whatever is recorded
   * for later dates: nothing below the unit outlives it ({@link #childUnitsEndWithUnit}, {@link
   * #positionsEndWithUnit}), its parent outlives it ({@link #parentUnitOutlivesWindow}), and it
   * never comes below itself ({@link #unitTreeHasNoCycleDuring}). The rules of the window's first
   * day ({@link #parentUnitIsKnown}, {@link #unitTreeHasNoCycle}) are checked apart.
   *
   * @param window the unit's window as it would be stored (new, or the latest one rewritten)
   * @param windows every recorded window of every unit; those of {@code window}'s own unit are
   *     ignored
   * @param positions the positions of {@code window}'s unit (others are ignored)
   */
  public static Verdict unitWindowKeepsTreeWhole(
      OrgUnit window, Collection<OrgUnit> windows, Collection<Position> positions) {
    return all(
        childUnitsEndWithUnit(window, windows),
        positionsEndWithUnit(window, positions),
        parentUnitOutlivesWindow(window, windows),
        unitTreeHasNoCycleDuring(window, windows));
  }

  /**
   * A unit closed by {@code window} (its {@code validTo}) has no unit below it in force after the
   * last day: a child window that ends the same day is fine, one that ends a day later is not.
   */
  public static Verdict childUnitsEndWithUnit(OrgUnit window, Collection<OrgUnit> windows) {
    LocalDate lastDay = window.validTo();
    if (lastDay == null) {
      return Verdict.accepted();
    }
    Map<String, LocalDate> open = new TreeMap<>();
    for (OrgUnit child : windows) {
      if (window.code().equals(child.parentCode())
          && !child.code().equals(window.code())
          && endsAfter(child.validTo(), lastDay)) {
        open.merge(child.code(), end(child.validTo()), OrganisationRules::later);
      }
    }
    if (open.isEmpty()) {
      return Verdict.accepted();
    }
    return reject(
        UNIT_HAS_OPEN_CHILDREN,
        "validTo",
        "Eenheid "
            + window.code()
            + " heeft na "
            + lastDay
            + " nog eenheden onder zich: "
            + listNl(open)
            + ". Beëindig of verplaats die eerst.",
        "Unit "
            + window.code()
            + " still has units below it after "
            + lastDay
            + ": "
            + listEn(open)
            + ". End or move them first.");
  }

  /**
   * A unit closed by {@code window} (its {@code validTo}) has no position that exists after the
   * last day: a position that ends the same day is fine, one that ends a day later is not.
   */
  public static Verdict positionsEndWithUnit(OrgUnit window, Collection<Position> positions) {
    LocalDate lastDay = window.validTo();
    if (lastDay == null) {
      return Verdict.accepted();
    }
    Map<String, LocalDate> open = new TreeMap<>();
    for (Position position : positions) {
      if (window.code().equals(position.unitCode())
          && endsAfter(position.lifetime().to(), lastDay)) {
        open.put(position.code(), end(position.lifetime().to()));
      }
    }
    if (open.isEmpty()) {
      return Verdict.accepted();
    }
    return reject(
        UNIT_HAS_OPEN_POSITIONS,
        "validTo",
        "Eenheid "
            + window.code()
            + " heeft na "
            + lastDay
            + " nog functies: "
            + listNl(open)
            + ". Beëindig of verplaats die eerst.",
        "Unit "
            + window.code()
            + " still has positions after "
            + lastDay
            + ": "
            + listEn(open)
            + ". End or move them first.");
  }

  /**
   * The parent is in force on every day of the window, not only on its first ({@link
   * #parentUnitIsKnown} reports that day): a unit never hangs below a unit that has ended. Uses the
   * code of a sub-grant that outlives its parent grant: the same rule for the tree.
   */
  public static Verdict parentUnitOutlivesWindow(OrgUnit window, Collection<OrgUnit> windows) {
    String parent = window.parentCode();
    if (parent == null) {
      return Verdict.accepted();
    }
    LocalDate gone = firstDayNotInForce(parent, windows, window.validFrom(), window.validTo());
    if (gone == null || gone.equals(window.validFrom())) {
      return Verdict.accepted(); // on the first day parentUnitIsKnown says so
    }
    return reject(
        Violation.EXCEEDS_PARENT_VALIDITY,
        "validTo",
        "Bovenliggende eenheid "
            + parent
            + " bestaat vanaf "
            + gone
            + " niet meer, eenheid "
            + window.code()
            + " wel.",
        "Parent unit "
            + parent
            + " is not in force from "
            + gone
            + ", while unit "
            + window.code()
            + " is.");
  }

  /**
   * A position lies within its unit's lifetime over its whole window, not only on its first day
   * ({@link #positionUnitIsKnown} reports that day): a position never outlives its unit. Later
   * windows of the unit that follow each other without a gap continue it (a rename or a move keeps
   * the position's unit). The position side of {@link #positionsEndWithUnit}; it uses the code of a
   * sub-grant that outlives its parent grant, as {@link #parentUnitOutlivesWindow} does for a unit:
   * one rule for everything that hangs in the tree.
   *
   * @param unitWindows the recorded windows of the position's unit (those of other units are
   *     ignored)
   */
  public static Verdict positionWithinUnitLifetime(
      Position position, Collection<OrgUnit> unitWindows) {
    String unit = position.unitCode();
    LocalDate from = position.lifetime().from();
    LocalDate to = position.lifetime().to();
    if (!position.lifetime().isValid()) {
      return Verdict.accepted(); // windowIsValid says so
    }
    LocalDate gone = firstDayNotInForce(unit, unitWindows, from, to);
    if (gone == null || gone.equals(from)) {
      return Verdict.accepted(); // on the first day positionUnitIsKnown says so
    }
    LocalDate lastDay = gone.minusDays(1);
    return reject(
        Violation.EXCEEDS_PARENT_VALIDITY,
        "validTo",
        "Eenheid "
            + unit
            + " bestaat tot en met "
            + lastDay
            + ", functie "
            + position.code()
            + (to == null ? " heeft geen einddatum." : " loopt tot en met " + to + ".")
            + " Laat de functie uiterlijk op "
            + lastDay
            + " eindigen.",
        "Unit "
            + unit
            + " ends on "
            + lastDay
            + ", while position "
            + position.code()
            + (to == null ? " is open-ended." : " runs until " + to + ".")
            + " End the position on "
            + lastDay
            + " or earlier.");
  }

  /**
   * The first day from {@code from} through {@code to} (null: open-ended) on which unit {@code
   * code} is not in force, following its windows one after the other; null when it is in force on
   * every day.
   */
  private static LocalDate firstDayNotInForce(
      String code, Collection<OrgUnit> windows, LocalDate from, LocalDate to) {
    List<OrgUnit> own = new ArrayList<>();
    for (OrgUnit w : windows) {
      if (w.code().equals(code)) {
        own.add(w);
      }
    }
    LocalDate day = from;
    while (to == null || !day.isAfter(to)) {
      OrgUnit covering = inForceOn(own, day);
      if (covering == null) {
        return day;
      }
      if (covering.validTo() == null) {
        return null;
      }
      day = covering.validTo().plusDays(1);
    }
    return null;
  }

  /**
   * The unit never comes below itself on any day of the window, also when units above it have
   * windows recorded for later dates ({@link #unitTreeHasNoCycle} checks the first day).
   */
  public static Verdict unitTreeHasNoCycleDuring(OrgUnit window, Collection<OrgUnit> windows) {
    if (window.parentCode() == null) {
      return Verdict.accepted();
    }
    Map<String, List<OrgUnit>> byCode = new HashMap<>();
    Set<LocalDate> changes = new TreeSet<>();
    for (OrgUnit w : windows) {
      if (w.code().equals(window.code())) {
        continue;
      }
      byCode.computeIfAbsent(w.code(), c -> new ArrayList<>()).add(w);
      changes.add(w.validFrom());
      if (w.validTo() != null) {
        changes.add(w.validTo().plusDays(1));
      }
    }
    for (LocalDate day : changes) {
      if (!day.isAfter(window.validFrom()) || !window.isInForceOn(day)) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      String current = window.parentCode();
      while (current != null && seen.add(current)) {
        if (current.equals(window.code())) {
          return reject(
              Violation.CYCLE,
              "parent",
              "Eenheid " + window.code() + " zou op " + day + " onder zichzelf komen te hangen.",
              "Unit " + window.code() + " would end up below itself on " + day + ".");
        }
        OrgUnit above = inForceOn(byCode.getOrDefault(current, List.of()), day);
        current = above == null ? null : above.parentCode();
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

  private static boolean endsAfter(LocalDate end, LocalDate lastDay) {
    return end == null || end.isAfter(lastDay);
  }

  /** Stands for "no end" in the lists of what outlives a unit (a map holds no null). */
  private static final LocalDate OPEN_ENDED = LocalDate.MAX;

  private static LocalDate end(LocalDate validTo) {
    return validTo == null ? OPEN_ENDED : validTo;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static String listEn(Map<String, LocalDate> ends) {
    List<String> items = new ArrayList<>();
    ends.forEach(
        (code, end) ->
            items.add(code + (end.equals(OPEN_ENDED) ? " (open-ended)" : " (until " + end + ")")));
    return String.join(", ", items);
  }

  private static String listNl(Map<String, LocalDate> ends) {
    List<String> items = new ArrayList<>();
    ends.forEach(
        (code, end) ->
            items.add(
                code + (end.equals(OPEN_ENDED) ? " (onbepaald)" : " (tot en met " + end + ")")));
    return String.join(", ", items);
  }

  private static OrgUnit inForceOn(List<OrgUnit> windows, LocalDate day) {
    for (OrgUnit w : windows) {
      if (w.isInForceOn(day)) {
        return w;
      }
    }
    return null;
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
