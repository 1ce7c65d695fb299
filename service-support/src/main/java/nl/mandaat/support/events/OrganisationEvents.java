package nl.mandaat.support.events;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import tools.jackson.databind.JsonNode;

/**
 * The one reader of org-service's events (docs/events.md, "Event types"): what each event type
 * changes in the organisation part of the register, as calls on a consumer's {@link Changes}. Every
 * consumer that keeps the organisation (the register replica, mandate-service) reads the stream
 * through here, so a new event type is mapped once. What to do with a type it does not know stays
 * the consumer's choice: {@link #apply} then changes nothing and answers {@code false}. Stateless
 * and thread-safe.
 */
public final class OrganisationEvents {

  public static final String BODY_RECORDED = "BodyRecorded";
  public static final String UNIT_RECORDED = "UnitRecorded";
  public static final String POSITION_RECORDED = "PositionRecorded";
  public static final String PERSON_RECORDED = "PersonRecorded";
  public static final String ASSIGNMENT_RECORDED = "AssignmentRecorded";
  public static final String ASSIGNMENT_ENDED = "AssignmentEnded";
  public static final String SUBSTITUTION_RECORDED = "SubstitutionRecorded";
  public static final String SUBSTITUTION_ENDED = "SubstitutionEnded";

  /** Every event type org-service writes, each of which {@link #apply} maps. */
  public static final Set<String> TYPES =
      Set.of(
          BODY_RECORDED,
          UNIT_RECORDED,
          POSITION_RECORDED,
          PERSON_RECORDED,
          ASSIGNMENT_RECORDED,
          ASSIGNMENT_ENDED,
          SUBSTITUTION_RECORDED,
          SUBSTITUTION_ENDED);

  /**
   * The changes org-service's events make, one method per kind. A recorded value replaces the one
   * with the same key (code, username or id); an ending keeps the start of the assignment or
   * substitution with that id and gives it the new last day, and ends nothing when the id is
   * unknown.
   */
  public interface Changes {

    void body(AdministrativeBody body);

    void unit(OrgUnit unit);

    void position(Position position);

    void person(Person person);

    void assignment(Assignment assignment);

    /**
     * @param validTo the assignment's new last day, both days included; null: open-ended again
     */
    void assignmentEnded(String id, LocalDate validTo);

    void substitution(Substitution substitution);

    /**
     * @param validTo the substitution's new last day, both days included; null: open-ended again
     */
    void substitutionEnded(String id, LocalDate validTo);
  }

  private OrganisationEvents() {}

  /**
   * Applies one of org-service's events to {@code changes}.
   *
   * @param type the event's type, as on the stream
   * @param payload the event's payload
   * @return whether {@code type} is one of {@link #TYPES}; when not, {@code changes} was not called
   * @throws RuntimeException (from the mapper) when a payload of a known type cannot be read
   */
  public static boolean apply(String type, JsonNode payload, Changes changes) {
    Objects.requireNonNull(changes, "changes");
    switch (type) {
      case BODY_RECORDED -> changes.body(PayloadJson.convert(payload, AdministrativeBody.class));
      case UNIT_RECORDED -> changes.unit(PayloadJson.convert(payload, OrgUnit.class));
      case POSITION_RECORDED -> changes.position(PayloadJson.convert(payload, Position.class));
      case PERSON_RECORDED -> changes.person(PayloadJson.convert(payload, Person.class));
      case ASSIGNMENT_RECORDED ->
          changes.assignment(PayloadJson.convert(payload, Assignment.class));
      case ASSIGNMENT_ENDED -> changes.assignmentEnded(id(payload), validTo(payload));
      case SUBSTITUTION_RECORDED ->
          changes.substitution(PayloadJson.convert(payload, Substitution.class));
      case SUBSTITUTION_ENDED -> changes.substitutionEnded(id(payload), validTo(payload));
      default -> {
        return false;
      }
    }
    return true;
  }

  private static String id(JsonNode payload) {
    return payload.path("id").asString();
  }

  private static LocalDate validTo(JsonNode payload) {
    return payload.hasNonNull("validTo")
        ? LocalDate.parse(payload.get("validTo").asString())
        : null;
  }
}
