package nl.mandaat.support.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Register;
import nl.mandaat.core.Window;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.support.events.PayloadJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How the replica takes the event types of both streams (docs/events.md). */
class ReplicaStateTests {

  private final Register demo = DemoMunicipality.register();
  private ReplicaState state;

  @BeforeEach
  void demoMunicipality() {
    state = new ReplicaState();
    state.loadOrganisation(
        json(
            Map.of(
                "bodies", List.copyOf(demo.bodies().values()),
                "units", List.copyOf(demo.units().values()),
                "positions", List.copyOf(demo.positions().values()),
                "persons", List.copyOf(demo.persons().values()),
                "assignments", demo.assignments(),
                "substitutions", demo.substitutions())));
    state.loadMandates(
        json(
            Map.of(
                "decisionTypes", List.copyOf(demo.decisionTypes().values()),
                "grants", List.copyOf(demo.grants().values()),
                "revocations", List.of())));
  }

  @Test
  void anExpiryNoticeIsIgnoredAndMakesNoRevision() {
    Register before = state.build(7);

    boolean changed =
        state.applyMandates(
            "ExpiryNoticeDue",
            json(
                Map.of(
                    "grantId", "G04-teammanager-omgeving",
                    "grantor", "afdelingshoofd-vergunningen",
                    "holder", "teammanager-omgeving",
                    "validTo", "2026-12-31",
                    "daysLeft", 14,
                    "notice", 14)));

    assertThat(changed).isFalse();
    Register after = state.build(7);
    assertThat(after.grants()).isEqualTo(before.grants());
    assertThat(after.revocations()).isEqualTo(before.revocations());
    assertThat(after.decisionTypes()).isEqualTo(before.decisionTypes());
  }

  @Test
  void aRevocationIsAChangeThatMakesARevision() {
    boolean changed =
        state.applyMandates(
            "GrantRevoked",
            json(
                Map.of(
                    "grantId", "G04-teammanager-omgeving",
                    "revokedAt", "2026-11-28T10:00:00Z",
                    "revoked", List.of("G04-teammanager-omgeving"))));

    assertThat(changed).isTrue();
    assertThat(state.build(8).revokedAt("G04-teammanager-omgeving"))
        .contains(Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void anEventTypeItDoesNotKnowStillFailsClosed() {
    assertThatThrownBy(
            () ->
                state.applyMandates(
                    "GrantExtended",
                    json(Map.of("grantId", "G04-teammanager-omgeving", "validTo", "2027-12-31"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GrantExtended");
  }

  @Test
  void anAssignmentEndedKeepsItsStartAndEndsOnTheNewLastDay() {
    Assignment before = demo.assignments().get(0);

    state.applyOrganisation(
        "AssignmentEnded", json(Map.of("id", before.id(), "validTo", "2026-06-30")));

    assertThat(state.build(8).assignments())
        .filteredOn(a -> a.id().equals(before.id()))
        .singleElement()
        .extracting(Assignment::window)
        .isEqualTo(Window.of(before.window().from(), LocalDate.of(2026, 6, 30)));
  }

  @Test
  void anOrgServiceEventTypeItDoesNotKnowFailsClosedToo() {
    assertThatThrownBy(() -> state.applyOrganisation("UnitMerged", json(Map.of("code", "stad"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org-service")
        .hasMessageContaining("UnitMerged");
  }

  private static JsonNode json(Object value) {
    return PayloadJson.tree(PayloadJson.write(value));
  }
}
