package nl.mandaat.org.application;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.support.events.OrganisationEvents;

/**
 * Event and snapshot payloads: the field names of the mandate-core records, dates as ISO text,
 * absent values left out (docs/events.md).
 */
public final class Payloads {

  // The event types are named once, where the suite reads them (service-support).
  public static final String BODY_RECORDED = OrganisationEvents.BODY_RECORDED;
  public static final String UNIT_RECORDED = OrganisationEvents.UNIT_RECORDED;
  public static final String POSITION_RECORDED = OrganisationEvents.POSITION_RECORDED;
  public static final String PERSON_RECORDED = OrganisationEvents.PERSON_RECORDED;
  public static final String ASSIGNMENT_RECORDED = OrganisationEvents.ASSIGNMENT_RECORDED;
  public static final String ASSIGNMENT_ENDED = OrganisationEvents.ASSIGNMENT_ENDED;
  public static final String SUBSTITUTION_RECORDED = OrganisationEvents.SUBSTITUTION_RECORDED;
  public static final String SUBSTITUTION_ENDED = OrganisationEvents.SUBSTITUTION_ENDED;

  private Payloads() {}

  public static Map<String, Object> of(AdministrativeBody body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", body.code());
    m.put("name", body.name());
    m.put("fullName", body.fullName());
    return m;
  }

  public static Map<String, Object> of(OrgUnit unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", unit.code());
    m.put("name", unit.name());
    put(m, "parentCode", unit.parentCode());
    m.put("kind", unit.kind().toCore().name());
    m.put("headcount", unit.headcount());
    m.put("validFrom", unit.validFrom().toString());
    put(m, "validTo", unit.validTo());
    return m;
  }

  public static Map<String, Object> of(Position position) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", position.code());
    m.put("name", position.name());
    m.put("unitCode", position.unitCode());
    put(m, "reportsTo", position.reportsTo());
    m.put("singleHolder", position.singleHolder());
    m.put("external", position.external());
    m.put("lifetime", of(position.lifetime()));
    return m;
  }

  public static Map<String, Object> of(Person person) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", person.username());
    put(m, "sub", person.sub());
    m.put("displayName", person.displayName());
    return m;
  }

  public static Map<String, Object> of(Assignment assignment) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", assignment.id());
    m.put("person", assignment.person());
    m.put("position", assignment.position());
    m.put("window", of(assignment.window()));
    m.put("recordedAt", assignment.recordedAt().toString());
    return m;
  }

  /** The payload of {@code AssignmentEnded} and {@code SubstitutionEnded}: the record's id. */
  public static Map<String, Object> ended(String id, java.time.LocalDate validTo) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("validTo", validTo.toString());
    return m;
  }

  public static Map<String, Object> of(Substitution substitution) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", substitution.id());
    m.put("substitute", substitution.substitute());
    m.put("position", substitution.position());
    m.put("window", of(substitution.window()));
    m.put("recordedAt", substitution.recordedAt().toString());
    return m;
  }

  public static Map<String, Object> of(Window window) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", window.from().toString());
    put(m, "to", window.to());
    return m;
  }

  private static void put(Map<String, Object> m, String name, Object value) {
    if (value != null) {
      m.put(name, value.toString());
    }
  }
}
