package nl.mandaat.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.mandate.application.CatchUp;
import nl.mandaat.mandate.application.IssueExpiryNotices;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.LoadRegister;
import nl.mandaat.mandate.application.SerialWrites;
import nl.mandaat.mandate.application.WritePath;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.application.port.ExpiryNotices;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.RegisterWrites;
import nl.mandaat.mandate.domain.ExpiryNotice;
import nl.mandaat.mandate.domain.RecordedEvent;
import nl.mandaat.testsupport.MutableClock;
import nl.mandaat.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ExpiryNoticeDue} event (issue 5): due at 60 and at 14 days before a grant's end, once
 * per grant and period across runs and instances, on the stream, and without a new revision. Each
 * test lives in its own year, so that the grants of the others are not in force on its days.
 */
// The job runs when a test says so, not on a schedule.
@TestPropertySource(
    properties = {"mandaat.db.schema=mandate_expiry", "mandaat.expiry-notices.enabled=false"})
@Import(TestClock.class)
class ExpiryNoticesIntegrationTests extends DemoMandateService {

  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MutableClock clock;
  @Autowired IssueExpiryNotices notices;
  @Autowired LiveRegister live;
  @Autowired Catalogue catalogue;
  @Autowired Grants grants;
  @Autowired RegisterEvents events;
  @Autowired RegisterWrites writes;
  @Autowired ExpiryNotices issued;

  /** One notice as stored in the outbox. */
  record Stored(long sequence, String actor, JsonNode payload) {
    int notice() {
      return payload.get("notice").asInt();
    }
  }

  /** 09:00 in Amsterdam on {@code date}. */
  void today(LocalDate date) {
    clock.set(date.atTime(8, 0).toInstant(ZoneOffset.UTC));
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Amsterdam"));
  }

  /** A mandate of the college in force since ten days ago that ends {@code daysLeft} from today. */
  String grantEndingIn(int daysLeft, String decisionType) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "MANDATE");
    body.put("grantor", "college");
    body.put("holderPosition", "afdelingshoofd-hr");
    body.put("decisionTypes", List.of(decisionType));
    body.put("validFrom", today().minusDays(10).toString());
    body.put("validTo", today().plusDays(daysLeft).toString());
    body.put("subMandateAllowed", false);
    body.put("grantDecisionRef", "Mandaatbesluit");
    return (String)
        web.post()
            .uri("/api/v1/grants")
            .headers(h -> h.setBearerAuth(beheer()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("id");
  }

  void issue(int expected) {
    notices.issue().as(StepVerifier::create).expectNext(expected).verifyComplete();
  }

  Flux<Stored> noticesFor(String grantId) {
    return database
        .sql(
            "select sequence, actor, payload from outbox_event where type = 'ExpiryNoticeDue'"
                + " and payload::jsonb ->> 'grantId' = :id order by sequence")
        .bind("id", grantId)
        .map(
            row ->
                new Stored(
                    row.get("sequence", Long.class),
                    row.get("actor", String.class),
                    JSON.readTree(row.get("payload", String.class))))
        .all();
  }

  /** The grant's notices, in the order issued, are these periods. */
  void assertNotices(String grantId, Integer... periods) {
    noticesFor(grantId)
        .map(Stored::notice)
        .collectList()
        .as(StepVerifier::create)
        .assertNext(found -> assertThat(found).as(grantId).containsExactly(periods))
        .verifyComplete();
  }

  /** The sequence of the last event: the chain is gap-free from 1, so how many it checked. */
  long lastSequence() {
    return JSON.readTree(verification().returnResult().getResponseBody()).get("checked").asLong();
  }

  /**
   * Another instance of the service on the same schema: its own live register, loaded from the
   * outbox as at start-up, and its own write queue; only the database is shared.
   */
  LiveRegister anotherInstance() {
    LiveRegister register = new LiveRegister();
    new LoadRegister(register, catalogue, grants, events)
        .load()
        .as(StepVerifier::create)
        .expectNextCount(1)
        .verifyComplete();
    return register;
  }

  IssueExpiryNotices noticesOf(LiveRegister register) {
    return new IssueExpiryNotices(
        new WritePath(
            register, new SerialWrites(), new CatchUp(register, events), writes, events, clock),
        issued);
  }

  @Test
  void aGrantIsNoticedSixtyDaysBeforeItsEndNotSixtyOne() {
    today(LocalDate.of(2030, 3, 1));
    String sixtyOne = grantEndingIn(61, "aanstelling-personeel");
    String sixty = grantEndingIn(60, "woo-besluit");

    issue(1);

    assertNotices(sixtyOne);
    assertNotices(sixty, 60);

    today(LocalDate.of(2030, 3, 2));
    issue(1);

    assertNotices(sixtyOne, 60);
    assertNotices(sixty, 60);
  }

  @Test
  void fifteenDaysBeforeItsEndAGrantHasOnlyTheSixtyDayNoticeAndFourteenDaysBeforeItTheOther() {
    today(LocalDate.of(2032, 6, 1));
    String grant = grantEndingIn(15, "subsidie-toekenning");

    issue(1);
    assertNotices(grant, 60);
    noticesFor(grant)
        .as(StepVerifier::create)
        .assertNext(n -> assertThat(n.payload().get("daysLeft").asLong()).isEqualTo(15))
        .verifyComplete();

    today(LocalDate.of(2032, 6, 2));
    issue(1);

    assertNotices(grant, 60, 14);
    noticesFor(grant)
        .last()
        .as(StepVerifier::create)
        .assertNext(n -> assertThat(n.payload().get("daysLeft").asLong()).isEqualTo(14))
        .verifyComplete();
  }

  @Test
  void aGrantRecordedWithinFourteenDaysOfItsEndGetsOnlyTheFourteenDayNotice() {
    today(LocalDate.of(2034, 9, 1));
    String grant = grantEndingIn(10, "aanstelling-personeel");

    issue(1);

    assertNotices(grant, 14);
  }

  @Test
  void eachNoticeIsIssuedOnceHoweverOftenTheJobRuns() {
    today(LocalDate.of(2036, 2, 1));
    String fourteen = grantEndingIn(3, "woo-besluit");
    String sixty = grantEndingIn(40, "woo-besluit");

    issue(2);
    issue(0);
    clock.set(clock.instant().plus(Duration.ofHours(12)));
    issue(0);

    assertNotices(fourteen, 14);
    assertNotices(sixty, 60);
  }

  @Test
  void twoInstancesRunningTheJobAtOnceIssueEachNoticeOnceInOneChain() {
    today(LocalDate.of(2038, 4, 1));
    String first = grantEndingIn(5, "aanstelling-personeel");
    String second = grantEndingIn(20, "woo-besluit");
    String third = grantEndingIn(59, "subsidie-toekenning");
    long revision = revision();
    LiveRegister other = anotherInstance();
    assertThat(other.head().sequence()).isEqualTo(live.head().sequence());

    Flux.merge(
            notices.issue().subscribeOn(Schedulers.parallel()),
            noticesOf(other).issue().subscribeOn(Schedulers.parallel()))
        .collectList()
        .as(StepVerifier::create)
        .assertNext(
            written -> assertThat(written.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3))
        .verifyComplete();

    assertNotices(first, 14);
    assertNotices(second, 60);
    assertNotices(third, 60);
    verification().jsonPath("$.valid").isEqualTo(true);
    assertThat(revision()).isEqualTo(revision);
    // Whichever wrote them, the other applies them (here without the NOTIFY a service listens to)
    // and chains on from the same head at the same revision.
    new CatchUp(other, events).run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
    assertThat(other.head().sequence()).isEqualTo(lastSequence());
    assertThat(other.head().hash()).isEqualTo(live.head().hash());
    assertThat(other.current().revision()).isEqualTo(revision);
  }

  @Test
  void anInstanceBehindTheOutboxLosesItsSequenceCatchesUpAndWritesTheNoticesAfterTheChange() {
    today(LocalDate.of(2039, 8, 1));
    String due = grantEndingIn(30, "woo-besluit");
    LiveRegister behind = anotherInstance();
    // Written on this instance after the other loaded: the other's next sequence is taken.
    grantEndingIn(300, "subsidie-toekenning");
    long revision = revision();
    assertThat(behind.head().sequence()).isEqualTo(revision - 1);

    noticesOf(behind).issue().as(StepVerifier::create).expectNext(1).verifyComplete();
    issue(0);

    assertNotices(due, 60);
    noticesFor(due)
        .as(StepVerifier::create)
        .assertNext(n -> assertThat(n.sequence()).isEqualTo(revision + 1))
        .verifyComplete();
    assertThat(behind.current().revision()).isEqualTo(revision);
    assertThat(revision()).isEqualTo(revision);
    verification().jsonPath("$.valid").isEqualTo(true);
  }

  @Test
  void theDatabaseRefusesASecondNoticeForTheSameGrantAndPeriodEvenAtAFreeSequence() {
    today(LocalDate.of(2040, 1, 10));
    String grant = grantEndingIn(30, "woo-besluit");
    issue(1);
    ExpiryNotice again =
        new ExpiryNotice(grant, "college", "afdelingshoofd-hr", today().plusDays(30), 30, 60);
    LiveRegister.Head head = live.head();
    RecordedEvent next =
        events.next(
            head.sequence() + 1,
            head.hash(),
            IssueExpiryNotices.EVENT,
            clock.instant(),
            IssueExpiryNotices.ACTOR,
            again);

    writes
        .recordNotices(List.of(next), List.of(again))
        .as(StepVerifier::create)
        .expectNext(false)
        .verifyComplete();

    assertNotices(grant, 60);
    assertThat(lastSequence()).isEqualTo(head.sequence());
  }

  @Test
  void aRevokedGrantGetsNoFurtherNotice() {
    today(LocalDate.of(2042, 5, 1));
    String revokedBefore = grantEndingIn(30, "aanstelling-personeel");
    String revokedAfter = grantEndingIn(20, "subsidie-toekenning");
    revoke(revokedBefore);

    issue(1);
    assertNotices(revokedBefore);
    assertNotices(revokedAfter, 60);

    revoke(revokedAfter);
    today(LocalDate.of(2042, 5, 10));
    issue(0);

    assertNotices(revokedAfter, 60);
  }

  void revoke(String grantId) {
    web.post()
        .uri("/api/v1/grants/{id}/revocation", grantId)
        .headers(h -> h.setBearerAuth(beheer()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "vernieuwd", "decisionRef", "Intrekkingsbesluit"))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void theNoticeGoesOutOnTheStreamWithItsPayloadAndTheRevisionStaysAsItWas() {
    today(LocalDate.of(2044, 10, 1));
    String grant = grantEndingIn(14, "woo-besluit");
    long revision = revision();
    long before = lastSequence();

    issue(1);

    assertThat(revision()).isEqualTo(revision);
    assertThat(live.current().revision()).isEqualTo(revision);
    web.get()
        .uri("/api/v1/register?at=2044-10-01")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectBody()
        .jsonPath("$.revision")
        .isEqualTo((int) revision);
    web.get()
        .uri("/internal/v1/snapshot")
        .headers(h -> h.setBearerAuth(beheer()))
        .exchange()
        .expectBody()
        .jsonPath("$.sequence")
        .isEqualTo((int) revision);
    web.mutate()
        .responseTimeout(Duration.ofSeconds(10))
        .build()
        .get()
        .uri("/internal/v1/events?after=" + before)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .headers(h -> h.setBearerAuth(TestIssuer.token("decision-service", "pdp-client")))
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(SSE)
        .getResponseBody()
        .filter(e -> e.data() != null)
        .take(1)
        .as(StepVerifier::create)
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("ExpiryNoticeDue");
              assertThat(e.id()).isEqualTo(Long.toString(before + 1));
              JsonNode data = JSON.readTree(e.data());
              assertThat(data.get("actor").asString()).isEqualTo("mandate-service");
              assertThat(data.get("payload"))
                  .isEqualTo(
                      JSON.readTree(
                          "{\"grantId\":\""
                              + grant
                              + "\",\"grantor\":\"college\",\"holder\":\"afdelingshoofd-hr\","
                              + "\"validTo\":\"2044-10-15\",\"daysLeft\":14,\"notice\":14}"));
            })
        .verifyComplete();
    verification()
        .jsonPath("$.valid")
        .isEqualTo(true)
        .jsonPath("$.checked")
        .isEqualTo((int) before + 1);

    // The next change is the next revision, after the notice's sequence.
    String next = grantEndingIn(200, "aanstelling-personeel");
    assertThat(next).isNotBlank();
    assertThat(revision()).isEqualTo(before + 2);
  }

  @Test
  void anInstanceStartingAfterANoticeChainsOnFromItAtTheRevisionBeforeIt() {
    today(LocalDate.of(2046, 7, 1));
    grantEndingIn(50, "subsidie-toekenning");
    long revision = revision();
    issue(1);

    LiveRegister restarted = anotherInstance();

    assertThat(restarted.head().sequence()).isEqualTo(lastSequence());
    assertThat(restarted.head().hash()).isEqualTo(live.head().hash());
    assertThat(restarted.current().revision()).isEqualTo(revision);
    noticesOf(restarted).issue().as(StepVerifier::create).expectNext(0).verifyComplete();
  }
}
