package nl.mandaat.mandate.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Records a new grant of any kind: validated by mandate-core's {@link Validator} against the
 * register at the write's moment, then stored with its event as the event right after the register
 * it was validated against (see {@link CatchUp}).
 */
public final class RecordGrant {

  public static final String EVENT = "GrantRecorded";

  /** The most grants recorded together. */
  static final int BATCH = 128;

  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

  /** Stores a validated grant as {@code event}; answers false when that sequence was taken. */
  @FunctionalInterface
  private interface Store {
    Mono<Boolean> store(RecordedEvent event, Grant grant);
  }

  private final Grants grants;

  private final WritePath path;

  public RecordGrant(WritePath path, Grants grants) {
    this.path = Objects.requireNonNull(path, "path");
    this.grants = Objects.requireNonNull(grants, "grants");
  }

  /**
   * Records the grant the builder describes; id and moment are assigned here. Fails with {@link
   * ChangeRefused} when a rule is broken, and then nothing is stored.
   *
   * <p>Grants arriving while another write is under way are recorded together (group commit): each
   * is validated against the register with the ones before it applied, and all accepted ones are
   * stored with their events in one statement, so a burst costs one round trip, not one each.
   *
   * @param publicationRef where the grant decision was published, may be null
   */
  public Mono<Written> record(Grant.Builder proposal, Actor actor, String publicationRef) {
    return Mono.create(
        sink -> {
          pending.add(
              new Pending(proposal.id(UUID.randomUUID().toString()), actor, publicationRef, sink));
          path.writes().submit(recordPending()).subscribe();
        });
  }

  /** A grant waiting to be recorded, and where its answer goes. */
  private record Pending(
      Grant.Builder proposal, Actor actor, String publicationRef, MonoSink<Written> sink) {}

  /** What became of one pending grant in a batch: recorded, or refused. */
  private record Outcome(Pending pending, Written written, ChangeRefused refused) {}

  private Mono<Void> recordPending() {
    return Mono.defer(
        () -> {
          List<Pending> batch = new ArrayList<>();
          for (Pending p = pending.poll(); p != null; p = pending.poll()) {
            batch.add(p);
            if (batch.size() == BATCH) {
              break;
            }
          }
          if (batch.isEmpty()) {
            return Mono.empty();
          }
          return path.catchUp()
              .untilStored(() -> recordBatch(batch))
              .doOnNext(
                  outcomes ->
                      outcomes.forEach(
                          o -> {
                            if (o.written() != null) {
                              o.pending().sink().success(o.written());
                            } else {
                              o.pending().sink().error(o.refused());
                            }
                          }))
              .doOnError(e -> batch.forEach(p -> p.sink().error(e)))
              .onErrorResume(e -> Mono.empty())
              .then();
        });
  }

  /**
   * A sub-grant's grantor is its parent's holder, as the register knows it at the write, not as the
   * instance that took the request knew it (the parent may have been granted elsewhere).
   */
  static Grant withParentHolder(Register register, Grant grant) {
    Grant parent =
        grant.parentGrantId() == null ? null : register.grants().get(grant.parentGrantId());
    if (parent == null || parent.holder().equals(grant.grantor())) {
      return grant;
    }
    return grant.toBuilder().grantor(parent.holder()).build();
  }

  private Mono<Optional<List<Outcome>>> recordBatch(List<Pending> batch) {
    LiveRegister.Head head = path.register().head();
    Instant now = EventChain.storable(path.clock().instant());
    Register working = head.register();
    String prevHash = head.hash();
    long sequence = head.sequence();
    List<Outcome> outcomes = new ArrayList<>();
    List<RegisterChange> changes = new ArrayList<>();
    List<RecordedEvent> recorded = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    List<String> recordedBy = new ArrayList<>();
    List<String> publicationRefs = new ArrayList<>();
    boolean refusals = false;
    for (Pending p : batch) {
      Grant grant = withParentHolder(working, p.proposal().recordedAt(now).build());
      RegisterChange change = new RegisterChange.NewGrant(grant, p.actor());
      Verdict verdict = Validator.validate(working, change);
      if (!verdict.isAccepted()) {
        refusals = true;
        outcomes.add(new Outcome(p, null, new ChangeRefused(verdict)));
        continue;
      }
      working = working.with(change);
      RecordedEvent event =
          path.events().next(++sequence, prevHash, EVENT, now, p.actor().username(), grant);
      prevHash = event.hash();
      changes.add(change);
      recorded.add(event);
      grants.add(grant);
      recordedBy.add(p.actor().username());
      publicationRefs.add(p.publicationRef());
      outcomes.add(new Outcome(p, new Written(grant.id(), event.sequence(), List.of()), null));
    }
    // A refusal counts only against the whole register: with another instance's events
    // applied, the batch is validated again.
    Mono<Boolean> current =
        refusals
            ? path.catchUp().run().map(reached -> reached == head.sequence())
            : Mono.just(true);
    return current.flatMap(
        upToDate -> {
          if (!upToDate) {
            return Mono.just(Optional.<List<Outcome>>empty());
          }
          return path.store()
              .recordGrants(recorded, grants, recordedBy, publicationRefs)
              .map(
                  stored -> {
                    if (!stored) {
                      return Optional.<List<Outcome>>empty();
                    }
                    for (int i = 0; i < changes.size(); i++) {
                      path.register().committed(changes.get(i), recorded.get(i));
                    }
                    return Optional.of(outcomes);
                  });
        });
  }

  /**
   * Stores the grant as a concept: outside the register, so neither validated nor counted in the
   * revision; {@link #adopt} records it. Answers the concept's id and the unchanged revision.
   */
  public Mono<Written> draft(Grant.Builder proposal, Actor actor, String publicationRef) {
    Grant grant =
        proposal
            .id(UUID.randomUUID().toString())
            .recordedAt(EventChain.storable(path.clock().instant()))
            .build();
    return grants
        .insertConcept(grant, actor.username(), publicationRef)
        .then(
            Mono.fromSupplier(
                () -> new Written(grant.id(), path.register().current().revision(), List.of())));
  }

  /**
   * Adopts a concept: validated and recorded at this moment like a new grant. Empty when there is
   * no such concept.
   */
  public Mono<Written> adopt(String conceptId, Actor actor) {
    return path.writes()
        .submit(
            grants
                .concept(conceptId)
                .flatMap(
                    concept ->
                        recordNow(
                            concept.toBuilder(),
                            actor,
                            (event, grant) ->
                                path.store().adoptConcept(event, grant, actor.username()))));
  }

  private Mono<Written> recordNow(Grant.Builder proposal, Actor actor, Store storing) {
    return path.catchUp()
        .untilStored(
            () -> {
              LiveRegister.Head head = path.register().head();
              Instant now = EventChain.storable(path.clock().instant());
              Grant grant = proposal.recordedAt(now).build();
              RegisterChange change = new RegisterChange.NewGrant(grant, actor);
              Verdict verdict = Validator.validate(head.register(), change);
              if (!verdict.isAccepted()) {
                return Mono.error(new ChangeRefused(verdict));
              }
              RecordedEvent event =
                  path.events()
                      .next(head.sequence() + 1, head.hash(), EVENT, now, actor.username(), grant);
              return storing
                  .store(event, grant)
                  .map(
                      stored -> {
                        if (!stored) {
                          return Optional.<Written>empty();
                        }
                        path.register().committed(change, event);
                        return Optional.of(new Written(grant.id(), event.sequence(), List.of()));
                      });
            });
  }
}
