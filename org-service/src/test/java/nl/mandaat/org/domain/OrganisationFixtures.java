package nl.mandaat.org.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mandaat.core.Position;
import nl.mandaat.core.Window;

/** A small unit tree: gemeente > stad > vergunningen (60) > omgeving (team); stad > klein (25). */
final class OrganisationFixtures {

  static final LocalDate START = LocalDate.of(2026, 1, 1);

  private OrganisationFixtures() {}

  static OrgUnit unit(String code, String parent, UnitKind kind, int headcount) {
    return new OrgUnit(code, code, parent, kind, START, null, headcount);
  }

  /** A window of unit {@code code} from {@code from} to {@code to} (null: open-ended). */
  static OrgUnit window(String code, String parent, LocalDate from, LocalDate to) {
    return new OrgUnit(code, code, parent, UnitKind.DEPARTMENT, from, to, 10);
  }

  static Map<String, OrgUnit> tree() {
    Map<String, OrgUnit> units = new LinkedHashMap<>();
    units.put("gemeente", unit("gemeente", null, UnitKind.MUNICIPALITY, 1300));
    units.put("stad", unit("stad", "gemeente", UnitKind.DIRECTORATE, 380));
    units.put("vergunningen", unit("vergunningen", "stad", UnitKind.DEPARTMENT, 60));
    units.put("omgeving", unit("omgeving", "vergunningen", UnitKind.TEAM, 30));
    units.put("klein", unit("klein", "stad", UnitKind.DEPARTMENT, 25));
    units.put("net-groot", unit("net-groot", "stad", UnitKind.DEPARTMENT, 26));
    units.put("klein-team", unit("klein-team", "klein", UnitKind.TEAM, 10));
    return units;
  }

  static Position position(String code, String unit) {
    return new Position(code, code, unit, null, true, false, Window.from(START));
  }

  static Position position(String code, String unit, LocalDate to) {
    return new Position(code, code, unit, null, true, false, Window.of(START, to));
  }
}
