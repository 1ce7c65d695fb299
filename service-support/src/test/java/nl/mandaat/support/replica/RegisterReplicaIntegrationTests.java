package nl.mandaat.support.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.Question;
import nl.mandaat.core.Reason;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.testing.RegisterOwners;
import nl.mandaat.support.testing.StubOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class RegisterReplicaIntegrationTests {

  private static final Duration HEARTBEAT = Duration.ofMillis(100);
  private static final Duration STALENESS = Duration.ofMillis(800);

  private StubOwner org;
  private StubOwner mandates;
  private RegisterReplica replica;

  @BeforeEach
  void start() {
    org = RegisterOwners.organisation(DemoMunicipality.register(), HEARTBEAT);
    mandates = RegisterOwners.mandates(DemoMunicipality.register(), HEARTBEAT);
    replica =
        new RegisterReplica(feed("org-service", org), feed("mandate-service", mandates), STALENESS);
    replica.start();
  }

  @AfterEach
  void stop() {
    replica.close();
    org.close();
    mandates.close();
  }

  @Test
  void answersFromBothSnapshotsOnceTheyArrive() {
    await().until(() -> replica.current().isAvailable());

    Evaluation answer = replica.current().evaluate(purchase());

    assertThat(answer.permit()).isTrue();
    assertThat(answer.chain()).extracting(l -> l.grantId()).contains("G04-teammanager-omgeving");
    assertThat(replica.status().revision()).isZero();
  }

  @Test
  void aRevocationOnTheStreamEndsThePermitAtItsRevision() {
    await().until(() -> replica.current().isAvailable());

    long revision =
        mandates.append(
            "GrantRevoked",
            Map.of(
                "grantId",
                "G03-afdelingshoofd-vergunningen",
                "revokedAt",
                // An hour before the question's fixed moment whatever the clock says: with the wall
                // clock this test turned into a permit once the day passed that moment.
                "2026-11-28T09:00:00Z",
                "reason",
                "reorganisatie",
                "revoked",
                List.of("G03-afdelingshoofd-vergunningen")));

    StepVerifier.create(replica.atLeast(revision, Duration.ofSeconds(5)))
        .assertNext(
            snapshot -> {
              assertThat(snapshot.revision()).isEqualTo(revision);
              Evaluation answer = snapshot.evaluate(purchase());
              assertThat(answer.reason()).isEqualTo(Reason.REVOKED);
              assertThat(answer.failedAt().orElseThrow().grantId())
                  .isEqualTo("G03-afdelingshoofd-vergunningen");
            })
        .verifyComplete();
  }

  @Test
  void anUnreachedRevisionIsNotWaitedForLongerThanAsked() {
    await().until(() -> replica.current().isAvailable());

    StepVerifier.create(replica.atLeast(99, Duration.ofMillis(200))).verifyComplete();
  }

  @Test
  void failsClosedWhenAStreamStaysSilentAndRecoversWhenItReturns() {
    await().until(() -> replica.current().isAvailable());

    org.silence(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> !replica.current().isAvailable());
    assertThat(replica.current().evaluate(purchase()).reason())
        .isEqualTo(Reason.REGISTER_UNAVAILABLE);

    org.silence(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> replica.current().isAvailable());
  }

  @Test
  void resumesAfterTheLastSequenceWhenTheOwnerComesBack() {
    await().until(() -> replica.current().isAvailable());
    long first =
        mandates.append(
            "GrantRevoked",
            Map.of("grantId", "G04-teammanager-omgeving", "revokedAt", Instant.now().toString()));
    await().until(() -> replica.status().revision() == first);

    mandates.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !replica.current().isAvailable());
    long second =
        mandates.append(
            "GrantRevoked",
            Map.of(
                "grantId",
                "G03-afdelingshoofd-vergunningen",
                "revokedAt",
                Instant.now().toString()));
    mandates.resume();

    await().atMost(Duration.ofSeconds(15)).until(() -> replica.status().revision() == second);
    assertThat(replica.current().isAvailable()).isTrue();
    assertThat(mandates.requests())
        .containsOnlyOnce("/internal/v1/snapshot")
        .contains("/internal/v1/events?after=0", "/internal/v1/events?after=" + first);
  }

  @Test
  void anExpiryNoticeOnTheStreamChangesNeitherTheAnswersNorTheRevision() {
    await().until(() -> replica.current().isAvailable());
    List<Long> revisions = new CopyOnWriteArrayList<>();
    Disposable built = replica.snapshots().subscribe(s -> revisions.add(s.revision()));

    long notice =
        mandates.append(
            "ExpiryNoticeDue",
            Map.of(
                "grantId", "G04-teammanager-omgeving",
                "grantor", "afdelingshoofd-vergunningen",
                "holder", "teammanager-omgeving",
                "validTo", "2026-12-31",
                "daysLeft", 33,
                "notice", 60));
    // The snapshot on subscription, then the one built after the notice.
    await().until(() -> revisions.size() == 2);
    assertThat(revisions).containsExactly(0L, 0L);
    long revocation =
        mandates.append(
            "GrantRevoked",
            Map.of(
                "grantId",
                "G03-afdelingshoofd-vergunningen",
                "revokedAt",
                Instant.now().toString()));

    await().until(() -> replica.status().revision() == revocation);
    built.dispose();
    assertThat(revisions).doesNotContain(notice).endsWith(revocation);
    assertThat(replica.status().failure()).isNull();
    assertThat(replica.current().isAvailable()).isTrue();
  }

  @Test
  void anEventItCannotApplyStopsTheAnswersRatherThanAnswerFromAnIncompleteRegister() {
    await().until(() -> replica.current().isAvailable());

    org.append("PositionAbolished", Map.of("code", "teammanager-omgeving"));

    await().until(() -> replica.status().failure() != null);
    assertThat(replica.current()).isSameAs(RegisterSnapshot.unavailable());
    assertThat(replica.status().failure()).contains("PositionAbolished");
  }

  @Test
  void anAssignmentEndedOnTheStreamEndsThePersonsAnswers() {
    await().until(() -> replica.current().isAvailable());
    String assignment =
        DemoMunicipality.register().assignments().stream()
            .filter(a -> a.person().equals("tm-omgeving"))
            .findFirst()
            .orElseThrow()
            .id();

    org.append("AssignmentEnded", Map.of("id", assignment, "validTo", "2026-06-30"));

    await().until(() -> replica.current().evaluate(purchase()).reason() == Reason.NO_MANDATE);
  }

  @Test
  void aSubstitutionEndedOnTheStreamEndsTheSubstitutesAnswers() {
    await().until(() -> replica.current().isAvailable());
    Question bySubstitute = purchase().toBuilder().person("mw-vergunningen").build();
    org.append(
        "SubstitutionRecorded",
        Substitution.of(
            "S-test",
            "mw-vergunningen",
            "teammanager-omgeving",
            Window.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)),
            Instant.parse("2026-11-01T08:00:00Z")));
    await().until(() -> replica.current().evaluate(bySubstitute).permit());

    org.append("SubstitutionEnded", Map.of("id", "S-test", "validTo", "2026-11-27"));

    await().until(() -> !replica.current().evaluate(bySubstitute).permit());
  }

  private static Question purchase() {
    return Question.builder()
        .person("tm-omgeving")
        .decisionType("inkoop-overeenkomst")
        .orgUnit("vergunningen")
        .amount("8000")
        .at(Instant.parse("2026-11-28T10:00:00Z"))
        .build();
  }

  private static EventFeed feed(String name, StubOwner owner) {
    return EventFeed.of(name, WebClient.builder(), owner.uri(), ServiceToken.none(), STALENESS);
  }
}
