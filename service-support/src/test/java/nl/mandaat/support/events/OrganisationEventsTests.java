package nl.mandaat.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import org.junit.jupiter.api.Test;

/** How org-service's event types (docs/events.md) become changes of the organisation. */
class OrganisationEventsTests {

  /** Keeps every change it is told of, in order: the value, or a line for an ending. */
  private static final class Recorder implements OrganisationEvents.Changes {
    final List<Object> calls = new ArrayList<>();

    @Override
    public void body(AdministrativeBody body) {
      calls.add(body);
    }

    @Override
    public void unit(OrgUnit unit) {
      calls.add(unit);
    }

    @Override
    public void position(Position position) {
      calls.add(position);
    }

    @Override
    public void person(Person person) {
      calls.add(person);
    }

    @Override
    public void assignment(Assignment assignment) {
      calls.add(assignment);
    }

    @Override
    public void assignmentEnded(String id, LocalDate validTo) {
      calls.add("assignmentEnded " + id + " " + validTo);
    }

    @Override
    public void substitution(Substitution substitution) {
      calls.add(substitution);
    }

    @Override
    public void substitutionEnded(String id, LocalDate validTo) {
      calls.add("substitutionEnded " + id + " " + validTo);
    }
  }

  private final Recorder changes = new Recorder();

  private boolean apply(String type, String payload) {
    return OrganisationEvents.apply(type, PayloadJson.tree(payload), changes);
  }

  @Test
  void aBodyRecordedIsTheBody() {
    assertThat(
            apply(
                "BodyRecorded",
                "{\"code\":\"college\",\"name\":\"College\",\"fullName\":\"het college\"}"))
        .isTrue();
    assertThat(changes.calls)
        .singleElement()
        .isInstanceOfSatisfying(
            AdministrativeBody.class, body -> assertThat(body.code()).isEqualTo("college"));
  }

  @Test
  void aUnitRecordedIsTheUnitWithoutItsWindow() {
    apply(
        "UnitRecorded",
        "{\"code\":\"stad\",\"name\":\"Stad\",\"parentCode\":\"gemeente\",\"kind\":\"DIRECTIE\","
            + "\"headcount\":380,\"validFrom\":\"2026-01-01\",\"validTo\":\"2030-12-31\"}");
    assertThat(changes.calls)
        .containsExactly(OrgUnit.of("stad", "Stad", "gemeente", OrgUnit.Kind.DIRECTIE, 380));
  }

  @Test
  void aPositionRecordedIsThePositionWithItsLifetime() {
    apply(
        "PositionRecorded",
        "{\"code\":\"directeur-stad\",\"name\":\"Directeur Stad\",\"unitCode\":\"stad\","
            + "\"reportsTo\":\"gemeentesecretaris\",\"singleHolder\":true,\"external\":false,"
            + "\"lifetime\":{\"from\":\"2026-01-01\",\"to\":\"2030-12-31\"}}");
    assertThat(changes.calls)
        .containsExactly(
            new Position(
                "directeur-stad",
                "Directeur Stad",
                "stad",
                "gemeentesecretaris",
                true,
                false,
                Window.of(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31))));
  }

  @Test
  void aPersonRecordedIsThePerson() {
    apply("PersonRecorded", "{\"username\":\"dir-stad\",\"displayName\":\"Directeur\"}");
    assertThat(changes.calls)
        .singleElement()
        .isInstanceOfSatisfying(
            Person.class, person -> assertThat(person.username()).isEqualTo("dir-stad"));
  }

  @Test
  void anAssignmentRecordedIsTheAssignment() {
    apply(
        "AssignmentRecorded",
        "{\"id\":\"A-1\",\"person\":\"dir-stad\",\"position\":\"directeur-stad\","
            + "\"window\":{\"from\":\"2026-01-01\"},\"recordedAt\":\"2026-01-01T00:00:00Z\"}");
    assertThat(changes.calls)
        .containsExactly(
            Assignment.of(
                "A-1",
                "dir-stad",
                "directeur-stad",
                Window.from(LocalDate.of(2026, 1, 1)),
                Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void aSubstitutionRecordedIsTheSubstitution() {
    apply(
        "SubstitutionRecorded",
        "{\"id\":\"S-1\",\"substitute\":\"ah-vth\",\"position\":\"afdelingshoofd-vergunningen\","
            + "\"window\":{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"},"
            + "\"recordedAt\":\"2026-01-01T00:00:00Z\"}");
    assertThat(changes.calls)
        .containsExactly(
            Substitution.of(
                "S-1",
                "ah-vth",
                "afdelingshoofd-vergunningen",
                Window.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)),
                Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void anEndingGivesTheIdAndTheNewLastDay() {
    apply("AssignmentEnded", "{\"id\":\"A-1\",\"validTo\":\"2026-06-30\"}");
    apply("SubstitutionEnded", "{\"id\":\"S-1\",\"validTo\":\"2026-12-15\"}");
    assertThat(changes.calls)
        .containsExactly("assignmentEnded A-1 2026-06-30", "substitutionEnded S-1 2026-12-15");
  }

  @Test
  void anEndingWithoutALastDayIsOpenEnded() {
    apply("AssignmentEnded", "{\"id\":\"A-1\",\"validTo\":null}");
    apply("SubstitutionEnded", "{\"id\":\"S-1\"}");
    assertThat(changes.calls)
        .containsExactly("assignmentEnded A-1 null", "substitutionEnded S-1 null");
  }

  @Test
  void everyTypeOrgServiceWritesIsKnown() {
    assertThat(OrganisationEvents.TYPES)
        .containsExactlyInAnyOrder(
            "BodyRecorded",
            "UnitRecorded",
            "PositionRecorded",
            "PersonRecorded",
            "AssignmentRecorded",
            "AssignmentEnded",
            "SubstitutionRecorded",
            "SubstitutionEnded");
  }

  @Test
  void aTypeItDoesNotKnowChangesNothingAndSaysSo() {
    assertThat(apply("GrantRecorded", "{\"id\":\"G-1\"}")).isFalse();
    assertThat(apply("UnitMerged", "{\"code\":\"stad\"}")).isFalse();
    assertThat(changes.calls).isEmpty();
  }

  @Test
  void aPayloadOfAKnownTypeThatCannotBeReadIsAnError() {
    assertThatThrownBy(() -> apply("AssignmentEnded", "{\"id\":\"A-1\",\"validTo\":\"gisteren\"}"))
        .isInstanceOf(RuntimeException.class);
    assertThat(changes.calls).isEmpty();
  }
}
