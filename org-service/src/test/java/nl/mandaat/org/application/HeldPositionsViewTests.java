package nl.mandaat.org.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.HeldPosition;
import nl.mandaat.org.domain.StoredEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class HeldPositionsViewTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
  private static final Instant RECORDED = Instant.parse("2025-12-01T09:00:00Z");

  private final Outbox outbox = new Outbox();
  private final HeldPositionsView view =
      new HeldPositionsView(
          outbox, payload -> JSON.readValue(payload, new TypeReference<Map<String, Object>>() {}));

  private final Position teammanager =
      new Position(
          "teammanager-omgeving",
          "Teammanager",
          "omgevingsvergunningen",
          "afdelingshoofd-vergunningen",
          true,
          false,
          Window.from(JAN_1));
  private final Position afdelingshoofd =
      new Position(
          "afdelingshoofd-vergunningen",
          "Afdelingshoofd",
          "vergunningen",
          null,
          true,
          false,
          Window.of(JAN_1, LocalDate.of(2026, 12, 31)));

  @Test
  void anAssignmentIsHeldFromItsFirstToItsLastDayAndNotOutside() {
    teammanagerAssigned(Window.of(JAN_1, JUNE_30));

    assertThat(codes("tm", JAN_1.minusDays(1))).isEmpty();
    assertThat(codes("tm", JAN_1)).containsExactly("teammanager-omgeving:ASSIGNMENT:A1");
    assertThat(codes("tm", JUNE_30)).containsExactly("teammanager-omgeving:ASSIGNMENT:A1");
    assertThat(codes("tm", JUNE_30.plusDays(1))).isEmpty();
  }

  @Test
  void aPositionIsNotHeldAfterItsLifetimeEvenIfTheAssignmentRunsOn() {
    outbox.record(Payloads.PERSON_RECORDED, Payloads.of(new Person("ah", null, "A. H.")));
    outbox.record(Payloads.POSITION_RECORDED, Payloads.of(afdelingshoofd));
    outbox.record(
        Payloads.ASSIGNMENT_RECORDED,
        Payloads.of(
            new Assignment("A2", "ah", afdelingshoofd.code(), Window.from(JAN_1), RECORDED)));

    assertThat(codes("ah", LocalDate.of(2026, 12, 31))).hasSize(1);
    assertThat(codes("ah", LocalDate.of(2027, 1, 1))).isEmpty();
  }

  @Test
  void anEndedAssignmentIsHeldUpToItsNewEndOnly() {
    teammanagerAssigned(Window.from(JAN_1));
    outbox.record(Payloads.ASSIGNMENT_ENDED, Payloads.ended("A1", JUNE_30));

    List<HeldPosition> june = held("tm", JUNE_30);
    assertThat(june).hasSize(1);
    assertThat(june.get(0).window()).isEqualTo(Window.of(JAN_1, JUNE_30));
    assertThat(codes("tm", JUNE_30.plusDays(1))).isEmpty();
  }

  @Test
  void aSubstituteHoldsThePositionBesideTheirOwnOrderedByCode() {
    outbox.record(Payloads.PERSON_RECORDED, Payloads.of(new Person("tm", null, "T. M.")));
    outbox.record(Payloads.POSITION_RECORDED, Payloads.of(teammanager));
    outbox.record(Payloads.POSITION_RECORDED, Payloads.of(afdelingshoofd));
    outbox.record(
        Payloads.ASSIGNMENT_RECORDED,
        Payloads.of(new Assignment("A1", "tm", teammanager.code(), Window.from(JAN_1), RECORDED)));
    outbox.record(
        Payloads.SUBSTITUTION_RECORDED,
        Payloads.of(
            new Substitution(
                "S1",
                "tm",
                afdelingshoofd.code(),
                Window.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)),
                RECORDED)));

    assertThat(codes("tm", LocalDate.of(2026, 12, 15)))
        .containsExactly(
            "afdelingshoofd-vergunningen:SUBSTITUTION:S1", "teammanager-omgeving:ASSIGNMENT:A1");
    assertThat(codes("tm", LocalDate.of(2026, 11, 30)))
        .containsExactly("teammanager-omgeving:ASSIGNMENT:A1");
  }

  @Test
  void anUnknownPersonIsNotFoundAndAPersonWithoutPositionsHoldsNone() {
    outbox.record(Payloads.PERSON_RECORDED, Payloads.of(new Person("mw", null, "M. W.")));

    view.positionsHeld("nobody", JAN_1, 0)
        .as(StepVerifier::create)
        .expectErrorSatisfies(
            e -> assertThat(e).isInstanceOf(NotFound.class).hasMessageContaining("nobody"))
        .verify();
    assertThat(held("mw", JAN_1)).isEmpty();
  }

  @Test
  void aReadAnswersFromTheViewUntilItAsksForANewerRevision() {
    outbox.record(Payloads.PERSON_RECORDED, Payloads.of(new Person("tm", null, "T. M.")));
    outbox.record(Payloads.POSITION_RECORDED, Payloads.of(teammanager));
    view.catchUp().as(StepVerifier::create).expectNext(2L).verifyComplete();

    // Committed by another instance; this one has not been woken yet.
    long revision =
        outbox.record(
            Payloads.ASSIGNMENT_RECORDED,
            Payloads.of(
                new Assignment("A1", "tm", teammanager.code(), Window.from(JAN_1), RECORDED)));

    view.positionsHeld("tm", JAN_1, 0)
        .as(StepVerifier::create)
        .expectNext(List.of())
        .verifyComplete();
    view.positionsHeld("tm", JAN_1, revision)
        .as(StepVerifier::create)
        .assertNext(held -> assertThat(held).hasSize(1))
        .verifyComplete();
    assertThat(view.revision()).isEqualTo(revision);
  }

  @Test
  void anEventDeliveredAgainIsNotAppliedAgain() {
    teammanagerAssigned(Window.from(JAN_1));
    outbox.record(Payloads.ASSIGNMENT_ENDED, Payloads.ended("A1", JUNE_30));
    view.catchUp().as(StepVerifier::create).expectNext(4L).verifyComplete();

    // A catch-up that read before the end was applied delivers the open assignment once more.
    outbox.replayUpTo = 3;
    view.catchUp().as(StepVerifier::create).expectNext(4L).verifyComplete();

    assertThat(codes("tm", JUNE_30.plusDays(1))).isEmpty();
  }

  /** Person {@code tm}, the teammanager position, and A1 assigning one to the other. */
  private void teammanagerAssigned(Window window) {
    outbox.record(Payloads.PERSON_RECORDED, Payloads.of(new Person("tm", null, "T. M.")));
    outbox.record(Payloads.POSITION_RECORDED, Payloads.of(teammanager));
    outbox.record(
        Payloads.ASSIGNMENT_RECORDED,
        Payloads.of(new Assignment("A1", "tm", teammanager.code(), window, RECORDED)));
  }

  private List<HeldPosition> held(String username, LocalDate date) {
    List<List<HeldPosition>> answer = new ArrayList<>();
    view.positionsHeld(username, date, outbox.events.size())
        .as(StepVerifier::create)
        .consumeNextWith(answer::add)
        .verifyComplete();
    return answer.get(0);
  }

  private List<String> codes(String username, LocalDate date) {
    return held(username, date).stream()
        .map(h -> h.position().code() + ":" + h.via() + ":" + h.recordId())
        .toList();
  }

  /** The outbox in memory: sequences from 1, in order. */
  private static final class Outbox implements Events {
    final List<StoredEvent> events = new ArrayList<>();

    /** When set, every read returns events 1 to this one, whatever it asked for. */
    long replayUpTo;

    long record(String type, Map<String, Object> payload) {
      long sequence = events.size() + 1;
      events.add(
          new StoredEvent(
              sequence,
              type,
              "2026-01-01T00:00:00Z",
              "beheer",
              JSON.writeValueAsString(payload),
              "",
              ""));
      return sequence;
    }

    @Override
    public Mono<Void> lock() {
      return Mono.empty();
    }

    @Override
    public Mono<Long> append(String type, String actor, Map<String, Object> payload) {
      return Mono.fromSupplier(() -> record(type, payload));
    }

    @Override
    public Mono<Long> appendAll(String actor, List<NewEvent> newEvents) {
      return Flux.fromIterable(newEvents)
          .concatMap(e -> append(e.type(), actor, e.payload()))
          .last(0L);
    }

    @Override
    public Flux<StoredEvent> after(long sequence) {
      return Flux.defer(
          () ->
              Flux.fromIterable(List.copyOf(events))
                  .filter(
                      e -> replayUpTo > 0 ? e.sequence() <= replayUpTo : e.sequence() > sequence));
    }

    @Override
    public Mono<Long> head() {
      return Mono.fromSupplier(() -> (long) events.size());
    }

    @Override
    public Flux<Long> wakes() {
      return Flux.never();
    }
  }
}
