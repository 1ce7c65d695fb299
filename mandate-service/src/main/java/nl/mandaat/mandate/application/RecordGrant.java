package nl.mandaat.mandate.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Grant;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.Transactions;
import nl.mandaat.mandate.domain.EventChain;
import reactor.core.publisher.Mono;

/**
 * Records a new grant of any kind: validated by mandate-core's {@link Validator} against the
 * register at the write's moment, inside the write lock, then stored with its event.
 */
public final class RecordGrant {

  public static final String EVENT = "GrantRecorded";

  private final LiveRegister register;
  private final SerialWrites writes;
  private final Transactions transactions;
  private final Grants grants;
  private final RegisterEvents events;
  private final Clock clock;

  public RecordGrant(
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
   * Records the grant the builder describes; id and moment are assigned here. Fails with {@link
   * ChangeRefused} when a rule is broken, and then nothing is stored.
   *
   * @param publicationRef where the grant decision was published, may be null
   */
  public Mono<Written> record(Grant.Builder proposal, Actor actor, String publicationRef) {
    return writes.submit(
        Mono.defer(
            () -> {
              Instant now = EventChain.storable(clock.instant());
              Grant grant = proposal.id(UUID.randomUUID().toString()).recordedAt(now).build();
              RegisterChange change = new RegisterChange.NewGrant(grant, actor);
              return transactions
                  .inWriteLock(
                      Mono.defer(
                          () -> {
                            Verdict verdict = Validator.validate(register.current(), change);
                            if (!verdict.isAccepted()) {
                              return Mono.error(new ChangeRefused(verdict));
                            }
                            return events
                                .append(EVENT, now, actor.username(), grant)
                                .flatMap(
                                    event ->
                                        grants
                                            .insert(
                                                grant,
                                                actor.username(),
                                                publicationRef,
                                                event.sequence())
                                            .thenReturn(event.sequence()));
                          }))
                  .map(
                      sequence -> {
                        register.committed(change, sequence);
                        return new Written(grant.id(), sequence, List.of());
                      });
            }));
  }
}
