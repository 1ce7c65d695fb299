package nl.mandaat.mandate.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.Transactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports grants all or nothing: each is validated by mandate-core against the register with the
 * ones before it applied (so a batch may hold a parent and its sub-grants), then all are stored in
 * one transaction, one event each.
 */
public final class ImportGrants {

  private final LiveRegister register;
  private final SerialWrites writes;
  private final Transactions transactions;
  private final Grants grants;
  private final RegisterEvents events;
  private final Clock clock;

  public ImportGrants(
      LiveRegister register,
      SerialWrites writes,
      Transactions transactions,
      Grants grants,
      RegisterEvents events,
      Clock clock) {
    this.register = Objects.requireNonNull(register, "register");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Imports the proposals (each with its own id) in order; the revision after the last. Fails with
   * {@link ChangeRefused} naming the first refused item's violations, each field prefixed with
   * {@code grants[i].}; then nothing is stored.
   */
  public Mono<Written> importAll(List<Grant.Builder> proposals, Actor actor) {
    return writes.submit(
        Mono.defer(
            () -> {
              Instant now = EventChain.storable(clock.instant());
              List<RegisterChange> changes = new ArrayList<>();
              for (Grant.Builder proposal : proposals) {
                changes.add(new RegisterChange.NewGrant(proposal.recordedAt(now).build(), actor));
              }
              List<Long> sequences = new ArrayList<>();
              return transactions
                  .inWriteLock(
                      Mono.defer(
                          () -> {
                            Register working = register.current();
                            for (int i = 0; i < changes.size(); i++) {
                              Verdict verdict = Validator.validate(working, changes.get(i));
                              if (!verdict.isAccepted()) {
                                return Mono.error(new ChangeRefused(at(i, verdict)));
                              }
                              working = working.with(changes.get(i));
                            }
                            return Flux.fromIterable(changes)
                                .concatMap(
                                    change -> {
                                      Grant grant = ((RegisterChange.NewGrant) change).grant();
                                      return events
                                          .append(RecordGrant.EVENT, now, actor.username(), grant)
                                          .flatMap(
                                              e ->
                                                  grants
                                                      .insert(
                                                          grant,
                                                          actor.username(),
                                                          null,
                                                          e.sequence())
                                                      .thenReturn(e.sequence()));
                                    })
                                .doOnNext(sequences::add)
                                .then(Mono.just(true));
                          }))
                  .map(
                      done -> {
                        for (int i = 0; i < changes.size(); i++) {
                          register.committed(changes.get(i), sequences.get(i));
                        }
                        long revision =
                            sequences.isEmpty()
                                ? register.current().revision()
                                : sequences.get(sequences.size() - 1);
                        return new Written(
                            null,
                            revision,
                            changes.stream()
                                .map(c -> ((RegisterChange.NewGrant) c).grant().id())
                                .toList());
                      });
            }));
  }

  private static Verdict at(int index, Verdict verdict) {
    return Verdict.of(
        verdict.violations().stream()
            .map(
                v ->
                    new Violation(
                        v.code(),
                        v.messageNl(),
                        v.messageEn(),
                        "grants[" + index + "]" + (v.field() == null ? "" : "." + v.field())))
            .toList());
  }
}
