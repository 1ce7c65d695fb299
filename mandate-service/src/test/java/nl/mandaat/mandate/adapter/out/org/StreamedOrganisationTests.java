package nl.mandaat.mandate.adapter.out.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.mandate.domain.OrganisationState;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.events.PayloadJson;
import nl.mandaat.support.replica.EventFeed;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

class StreamedOrganisationTests {

  private final StreamedOrganisation organisation =
      new StreamedOrganisation(
          EventFeed.of(
              "org-service",
              WebClient.builder(),
              URI.create("http://localhost:1"),
              ServiceToken.none(),
              Duration.ofSeconds(45)));

  /** An event's payload as the feed hands it over (the sequence is the feed's concern). */
  private static JsonNode event(long sequence, String type, String payload) {
    return PayloadJson.tree(payload);
  }

  @Test
  void orgServiceEventsBuildTheOrganisationPartOfTheRegister() {
    organisation.apply(
        "BodyRecorded",
        event(
            1,
            "BodyRecorded",
            "{\"code\":\"college\",\"name\":\"College\",\"fullName\":\"het college\"}"));
    organisation.apply(
        "UnitRecorded",
        event(
            2,
            "UnitRecorded",
            "{\"code\":\"stad\",\"name\":\"Stad\",\"parentCode\":\"gemeente\",\"kind\":\"DIRECTIE\","
                + "\"headcount\":380,\"validFrom\":\"2026-01-01\"}"));
    organisation.apply(
        "PositionRecorded",
        event(
            3,
            "PositionRecorded",
            "{\"code\":\"directeur-stad\",\"name\":\"Directeur Stad\",\"unitCode\":\"stad\","
                + "\"reportsTo\":\"gemeentesecretaris\",\"singleHolder\":true,\"external\":false,"
                + "\"lifetime\":{\"from\":\"2026-01-01\"}}"));
    organisation.apply(
        "PersonRecorded",
        event(4, "PersonRecorded", "{\"username\":\"dir-stad\",\"displayName\":\"Directeur\"}"));
    organisation.apply(
        "AssignmentRecorded",
        event(
            5,
            "AssignmentRecorded",
            "{\"id\":\"A-1\",\"person\":\"dir-stad\",\"position\":\"directeur-stad\","
                + "\"window\":{\"from\":\"2026-01-01\"},\"recordedAt\":\"2026-01-01T00:00:00Z\"}"));
    organisation.apply(
        "SubstitutionRecorded",
        event(
            6,
            "SubstitutionRecorded",
            "{\"id\":\"S-1\",\"substitute\":\"dir-stad\",\"position\":\"gemeentesecretaris\","
                + "\"window\":{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"},"
                + "\"recordedAt\":\"2026-01-01T00:00:00Z\"}"));
    organisation.apply(
        "AssignmentEnded",
        event(7, "AssignmentEnded", "{\"id\":\"A-1\",\"validTo\":\"2026-06-30\"}"));
    OrganisationState state =
        organisation.apply(
            "SubstitutionEnded",
            event(8, "SubstitutionEnded", "{\"id\":\"S-1\",\"validTo\":\"2026-12-15\"}"));

    assertThat(state.bodies()).containsKey("college");
    assertThat(state.units().get("stad").kind()).isEqualTo(OrgUnit.Kind.DIRECTIE);
    assertThat(state.positions().get("directeur-stad"))
        .isEqualTo(
            new Position(
                "directeur-stad",
                "Directeur Stad",
                "stad",
                "gemeentesecretaris",
                true,
                false,
                Window.from(LocalDate.of(2026, 1, 1))));
    assertThat(state.persons()).containsKey("dir-stad");
    assertThat(state.assignments())
        .containsExactly(
            Assignment.of(
                "A-1",
                "dir-stad",
                "directeur-stad",
                Window.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(state.substitutions())
        .extracting(Substitution::window)
        .containsExactly(Window.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15)));
  }

  @Test
  void theOrganisationIsNotLoadedBeforeOrgServicesSnapshotArrives() {
    assertThat(organisation.loaded()).isFalse();
  }

  @Test
  void anUnknownEventTypeChangesNothingAndStopsWritesUntilAVersionThatKnowsIt() {
    assertThat(organisation.unavailable()).isEmpty();

    OrganisationState state =
        organisation.apply("SomethingElse", event(1, "SomethingElse", "{\"x\":1}"));

    assertThat(state).isEqualTo(OrganisationState.EMPTY);
    assertThat(organisation.unavailable())
        .hasValueSatisfying(r -> assertThat(r).contains("SomethingElse"));
    // What follows may build on the change it missed: not applied either.
    assertThat(
            organisation.apply(
                "PersonRecorded", event(2, "PersonRecorded", "{\"username\":\"nieuw\"}")))
        .isEqualTo(OrganisationState.EMPTY);
  }
}
