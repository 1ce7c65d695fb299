package nl.mandaat.mandate.adapter.out.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.mandate.domain.OrganisationState;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.replica.EventFeed;
import nl.mandaat.support.testing.RegisterOwners;
import nl.mandaat.support.testing.StubOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/** Following a stand-in org-service: its snapshot first, then its events. */
class StreamedOrganisationIntegrationTests {

  private final StubOwner org =
      RegisterOwners.organisation(DemoMunicipality.register(), Duration.ofMillis(200));
  private final StreamedOrganisation organisation =
      new StreamedOrganisation(
          EventFeed.of(
              "org-service",
              WebClient.builder(),
              org.uri(),
              ServiceToken.none(),
              Duration.ofSeconds(5)));

  @AfterEach
  void stop() {
    organisation.close();
    org.close();
  }

  @Test
  void theSnapshotLoadsTheWholeOrganisationAndEventsFollow() {
    String assignment =
        DemoMunicipality.register().assignments().stream()
            .filter(a -> a.person().equals("tm-omgeving"))
            .findFirst()
            .orElseThrow()
            .id();

    StepVerifier.create(
            organisation
                .states()
                .filter(s -> !s.positions().isEmpty())
                .doOnNext(
                    loaded ->
                        org.append(
                            "AssignmentEnded", Map.of("id", assignment, "validTo", "2026-06-30")))
                .filter(s -> ended(s, assignment))
                .next())
        .assertNext(
            state -> {
              assertThat(organisation.loaded()).isTrue();
              assertThat(state.positions()).containsKey("teammanager-omgeving");
              assertThat(state.persons()).containsKey("tm-omgeving");
            })
        .expectComplete()
        .verify(Duration.ofSeconds(30));
  }

  private static boolean ended(OrganisationState state, String assignment) {
    return state.assignments().stream()
        .anyMatch(a -> a.id().equals(assignment) && a.window().to() != null);
  }
}
