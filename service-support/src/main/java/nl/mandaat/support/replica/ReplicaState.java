package nl.mandaat.support.replica;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Grant;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.core.Revocation;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.support.events.OrganisationEvents;
import nl.mandaat.support.events.PayloadJson;
import tools.jackson.databind.JsonNode;

/**
 * The source data of the register as the two streams deliver it (docs/events.md): the organisation
 * from org-service, the catalogue, grants and revocations from mandate-service. Mutable and
 * confined to the replica's worker thread; {@link #build} answers an immutable {@link Register}. An
 * event it cannot apply throws: the replica then stops answering rather than answer from a register
 * it knows to be incomplete.
 */
final class ReplicaState {

  /** mandate-service's event that changes nothing in the register and makes no revision. */
  static final String EXPIRY_NOTICE_DUE = "ExpiryNoticeDue";

  private final Map<String, AdministrativeBody> bodies = new LinkedHashMap<>();
  private final Map<String, OrgUnit> units = new LinkedHashMap<>();
  private final Map<String, Position> positions = new LinkedHashMap<>();
  private final Map<String, Person> persons = new LinkedHashMap<>();
  private final Map<String, Assignment> assignments = new LinkedHashMap<>();
  private final Map<String, Substitution> substitutions = new LinkedHashMap<>();
  private final Map<String, DecisionType> decisionTypes = new LinkedHashMap<>();
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private final Map<String, Revocation> revocations = new LinkedHashMap<>();

  /** org-service's changes, on the maps above. */
  private final OrganisationEvents.Changes organisation =
      new OrganisationEvents.Changes() {
        @Override
        public void body(AdministrativeBody body) {
          bodies.put(body.code(), body);
        }

        @Override
        public void unit(OrgUnit unit) {
          units.put(unit.code(), unit);
        }

        @Override
        public void position(Position position) {
          positions.put(position.code(), position);
        }

        @Override
        public void person(Person person) {
          persons.put(person.username(), person);
        }

        @Override
        public void assignment(Assignment assignment) {
          assignments.put(assignment.id(), assignment);
        }

        @Override
        public void assignmentEnded(String id, LocalDate validTo) {
          assignments.computeIfPresent(
              id,
              (key, a) ->
                  Assignment.of(
                      key,
                      a.person(),
                      a.position(),
                      Window.of(a.window().from(), validTo),
                      a.recordedAt()));
        }

        @Override
        public void substitution(Substitution substitution) {
          substitutions.put(substitution.id(), substitution);
        }

        @Override
        public void substitutionEnded(String id, LocalDate validTo) {
          substitutions.computeIfPresent(
              id,
              (key, s) ->
                  Substitution.of(
                      key,
                      s.substitute(),
                      s.position(),
                      Window.of(s.window().from(), validTo),
                      s.recordedAt()));
        }
      };

  /** Replaces the organisation by org-service's snapshot. */
  void loadOrganisation(JsonNode snapshot) {
    bodies.clear();
    units.clear();
    positions.clear();
    persons.clear();
    assignments.clear();
    substitutions.clear();
    load(snapshot, "bodies", AdministrativeBody.class, bodies, AdministrativeBody::code);
    load(snapshot, "units", OrgUnit.class, units, OrgUnit::code);
    load(snapshot, "positions", Position.class, positions, Position::code);
    load(snapshot, "persons", Person.class, persons, Person::username);
    load(snapshot, "assignments", Assignment.class, assignments, Assignment::id);
    load(snapshot, "substitutions", Substitution.class, substitutions, Substitution::id);
  }

  /** Replaces the catalogue, grants and revocations by mandate-service's snapshot. */
  void loadMandates(JsonNode snapshot) {
    decisionTypes.clear();
    grants.clear();
    revocations.clear();
    load(snapshot, "decisionTypes", DecisionType.class, decisionTypes, DecisionType::code);
    load(snapshot, "grants", Grant.class, grants, Grant::id);
    load(snapshot, "revocations", Revocation.class, revocations, Revocation::grantId);
  }

  /** Applies one of org-service's events, read by {@link OrganisationEvents}. */
  void applyOrganisation(String type, JsonNode payload) {
    if (!OrganisationEvents.apply(type, payload, organisation)) {
      unknown("org-service", type);
    }
  }

  /**
   * Applies one of mandate-service's events; answers whether it changed the register, and so made a
   * new revision.
   */
  boolean applyMandates(String type, JsonNode payload) {
    switch (type) {
      case "DecisionTypeRecorded" ->
          put(decisionTypes, payload, DecisionType.class, DecisionType::code);
      case "GrantRecorded" -> put(grants, payload, Grant.class, Grant::id);
      // The earliest revocation of a grant counts, as in Register.Builder#revocation.
      case "GrantRevoked" -> {
        Revocation r = PayloadJson.convert(payload, Revocation.class);
        revocations.merge(r.grantId(), r, (a, b) -> b.revokedAt().isBefore(a.revokedAt()) ? b : a);
      }
      // A reminder to a grantor that a grant ends soon; the grant stays as it is (docs/events.md).
      case EXPIRY_NOTICE_DUE -> {
        return false;
      }
      default -> unknown("mandate-service", type);
    }
    return true;
  }

  /** The register of everything applied so far, at {@code revision}. */
  Register build(long revision) {
    Register.Builder b = Register.builder();
    bodies.values().forEach(b::body);
    units.values().forEach(b::unit);
    positions.values().forEach(b::position);
    persons.values().forEach(b::person);
    assignments.values().forEach(b::assignment);
    substitutions.values().forEach(b::substitution);
    decisionTypes.values().forEach(b::decisionType);
    grants.values().forEach(b::grant);
    for (Revocation r : revocations.values()) {
      // A revocation can only follow its grant in mandate-service's stream; guard all the same.
      if (grants.containsKey(r.grantId())) {
        b.revocation(r);
      }
    }
    return b.revision(revision).build();
  }

  private static <T> void load(
      JsonNode snapshot,
      String field,
      Class<T> type,
      Map<String, T> into,
      Function<T, String> key) {
    for (JsonNode item : snapshot.path(field)) {
      put(into, item, type, key);
    }
  }

  private static <T> void put(
      Map<String, T> into, JsonNode payload, Class<T> type, Function<T, String> key) {
    T value = PayloadJson.convert(payload, type);
    into.put(key.apply(value), value);
  }

  // An event the replica cannot apply could end a mandate it would then still permit: fail closed.
  private static void unknown(String stream, String type) {
    throw new IllegalStateException(
        stream + " sent event type " + type + ", which this replica cannot apply");
  }
}
