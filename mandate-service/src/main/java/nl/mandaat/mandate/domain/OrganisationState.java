package nl.mandaat.mandate.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;

/**
 * The organisation part of the register, as owned by org-service: bodies, units, positions,
 * persons, assignments and substitutions. Immutable; each {@code with*} answers a new value.
 */
public record OrganisationState(
    Map<String, AdministrativeBody> bodies,
    Map<String, OrgUnit> units,
    Map<String, Position> positions,
    Map<String, Person> persons,
    List<Assignment> assignments,
    List<Substitution> substitutions) {

  /** Nothing known yet. */
  public static final OrganisationState EMPTY =
      new OrganisationState(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());

  public OrganisationState {
    bodies = Map.copyOf(bodies);
    units = Map.copyOf(units);
    positions = Map.copyOf(positions);
    persons = Map.copyOf(persons);
    assignments = List.copyOf(assignments);
    substitutions = List.copyOf(substitutions);
  }

  /** The organisation part of {@code register}. */
  public static OrganisationState of(Register register) {
    return new OrganisationState(
        register.bodies(),
        register.units(),
        register.positions(),
        register.persons(),
        register.assignments(),
        register.substitutions());
  }

  /** Puts this organisation into {@code builder}. */
  public Register.Builder applyTo(Register.Builder builder) {
    bodies.values().forEach(builder::body);
    units.values().forEach(builder::unit);
    positions.values().forEach(builder::position);
    persons.values().forEach(builder::person);
    assignments.forEach(builder::assignment);
    substitutions.forEach(builder::substitution);
    return builder;
  }

  public OrganisationState with(AdministrativeBody body) {
    return new OrganisationState(
        put(bodies, body.code(), body), units, positions, persons, assignments, substitutions);
  }

  public OrganisationState with(OrgUnit unit) {
    return new OrganisationState(
        bodies, put(units, unit.code(), unit), positions, persons, assignments, substitutions);
  }

  public OrganisationState with(Position position) {
    return new OrganisationState(
        bodies,
        units,
        put(positions, position.code(), position),
        persons,
        assignments,
        substitutions);
  }

  public OrganisationState with(Person person) {
    return new OrganisationState(
        bodies,
        units,
        positions,
        put(persons, person.username(), person),
        assignments,
        substitutions);
  }

  /** Records an assignment, replacing one with the same id. */
  public OrganisationState with(Assignment assignment) {
    List<Assignment> next = new ArrayList<>(assignments);
    next.removeIf(a -> a.id().equals(assignment.id()));
    next.add(assignment);
    return new OrganisationState(bodies, units, positions, persons, next, substitutions);
  }

  /** Records a substitution, replacing one with the same id. */
  public OrganisationState with(Substitution substitution) {
    List<Substitution> next = new ArrayList<>(substitutions);
    next.removeIf(s -> s.id().equals(substitution.id()));
    next.add(substitution);
    return new OrganisationState(bodies, units, positions, persons, assignments, next);
  }

  /** Ends an assignment on {@code validTo}; unknown ids change nothing. */
  public OrganisationState endAssignment(String id, java.time.LocalDate validTo) {
    Objects.requireNonNull(id, "id");
    List<Assignment> next = new ArrayList<>();
    for (Assignment a : assignments) {
      next.add(
          a.id().equals(id)
              ? Assignment.of(
                  a.id(),
                  a.person(),
                  a.position(),
                  Window.of(a.window().from(), validTo),
                  a.recordedAt())
              : a);
    }
    return new OrganisationState(bodies, units, positions, persons, next, substitutions);
  }

  /** Ends a substitution on {@code validTo}; unknown ids change nothing. */
  public OrganisationState endSubstitution(String id, java.time.LocalDate validTo) {
    Objects.requireNonNull(id, "id");
    List<Substitution> next = new ArrayList<>();
    for (Substitution s : substitutions) {
      next.add(
          s.id().equals(id)
              ? Substitution.of(
                  s.id(),
                  s.substitute(),
                  s.position(),
                  Window.of(s.window().from(), validTo),
                  s.recordedAt())
              : s);
    }
    return new OrganisationState(bodies, units, positions, persons, assignments, next);
  }

  private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Map<String, V> next = new LinkedHashMap<>(map);
    next.put(key, value);
    return next;
  }
}
