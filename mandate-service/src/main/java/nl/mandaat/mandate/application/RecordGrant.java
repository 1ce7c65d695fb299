package nl.mandaat.mandate.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.RegisterWrites;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;

/**
 * Records a new grant of any kind: validated by mandate-core's {@link Validator} against the
 * register at the write's moment, then stored with its event as the event right after the register
 * it was validated against (see {@link CatchUp}).
 */
public final class RecordGrant {

  public static final String EVENT = "GrantRecorded";

  /** Stores a validated grant as {@code event}; answers false when that sequence was taken. */
  @FunctionalInterface
  private interface Store {
    Mono<Boolean> store(RecordedEvent event, Grant grant);
  }

  private final LiveRegister register;
  private final SerialWrites writes;
  private final CatchUp catchUp;
  private final RegisterWrites store;
  private final Grants grants;
  private final RegisterEvents events;
  private final Clock clock;

  public RecordGrant(
      LiveRegister register,
      SerialWrites writes,
      CatchUp catchUp,
      RegisterWrites store,
      Grants grants,
      RegisterEvents events,
      Clock clock) {
    this.register = Objects.requireNonNull(register, "register");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
    this.store = Objects.requireNonNull(store, "store");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records the grant the builder describes; id and moment are assigned here. Fails with {@link
   * ChangeRefused} when a rule is broken, and then nothing is stored.
   *
   * @param publicationRef where the grant decision was published, may be null
   */
  public Mono<Written> record(Grant.Builder proposal, Actor actor, String publicationRef) {
    return writes.submit(
        Mono.defer(
            () ->
                recordNow(
                    proposal.id(UUID.randomUUID().toString()),
                    actor,
                    (event, grant) ->
                        store.recordGrant(event, grant, actor.username(), publicationRef))));
  }

  /**
   * Stores the grant as a concept: outside the register, so neither validated nor counted in the
   * revision; {@link #adopt} records it. Answers the concept's id and the unchanged revision.
   */
  public Mono<Written> draft(Grant.Builder proposal, Actor actor, String publicationRef) {
    Grant grant =
        proposal
            .id(UUID.randomUUID().toString())
            .recordedAt(EventChain.storable(clock.instant()))
            .build();
    return grants
        .insertConcept(grant, actor.username(), publicationRef)
        .then(
            Mono.fromSupplier(
                () -> new Written(grant.id(), register.current().revision(), List.of())));
  }

  /**
   * Adopts a concept: validated and recorded at this moment like a new grant. Empty when there is
   * no such concept.
   */
  public Mono<Written> adopt(String conceptId, Actor actor) {
    return writes.submit(
        grants
            .concept(conceptId)
            .flatMap(
                concept ->
                    recordNow(
                        concept.toBuilder(),
                        actor,
                        (event, grant) -> store.adoptConcept(event, grant, actor.username()))));
  }

  private Mono<Written> recordNow(Grant.Builder proposal, Actor actor, Store storing) {
    return catchUp.untilStored(
        () -> {
          LiveRegister.Head head = register.head();
          Instant now = EventChain.storable(clock.instant());
          Grant grant = proposal.recordedAt(now).build();
          RegisterChange change = new RegisterChange.NewGrant(grant, actor);
          Verdict verdict = Validator.validate(head.register(), change);
          if (!verdict.isAccepted()) {
            return Mono.error(new ChangeRefused(verdict));
          }
          RecordedEvent event =
              events.next(head.sequence() + 1, head.hash(), EVENT, now, actor.username(), grant);
          return storing
              .store(event, grant)
              .map(
                  stored -> {
                    if (!stored) {
                      return Optional.<Written>empty();
                    }
                    register.committed(change, event);
                    return Optional.of(new Written(grant.id(), event.sequence(), List.of()));
                  });
        });
  }
}
