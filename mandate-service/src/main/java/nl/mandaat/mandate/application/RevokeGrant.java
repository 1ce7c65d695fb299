package nl.mandaat.mandate.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Revocation;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.Transactions;
import reactor.core.publisher.Mono;

/**
 * Revokes a grant and so, in the same transaction and event, every sub-grant below it (Awb 10:8,
 * 10:9(2)).
 */
public final class RevokeGrant {

  public static final String EVENT = "GrantRevoked";

  private final LiveRegister register;
  private final SerialWrites writes;
  private final Transactions transactions;
  private final Grants grants;
  private final RegisterEvents events;
  private final Clock clock;

  public RevokeGrant(
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

  /** Revokes {@code grantId} now; fails with {@link ChangeRefused} when a rule forbids it. */
  public Mono<Written> revoke(String grantId, String reason, String decisionRef, Actor actor) {
    return writes.submit(
        Mono.defer(
            () -> {
              Instant now = EventChain.storable(clock.instant());
              Revocation revocation = Revocation.of(grantId, now, reason, decisionRef);
              RegisterChange change = new RegisterChange.RevokeGrant(revocation, actor);
              List<String> revoked = new ArrayList<>();
              return transactions
                  .inWriteLock(
                      Mono.defer(
                          () -> {
                            Register current = register.current();
                            Verdict verdict = Validator.validate(current, change);
                            if (!verdict.isAccepted()) {
                              return Mono.error(new ChangeRefused(verdict));
                            }
                            revoked.add(grantId);
                            for (String sub : current.subGrantsOf(grantId)) {
                              if (current.revokedAt(sub).isEmpty()) {
                                revoked.add(sub);
                              }
                            }
                            Map<String, Object> payload = new LinkedHashMap<>();
                            payload.put("grantId", grantId);
                            payload.put("revokedAt", EventChain.format(now));
                            if (reason != null) {
                              payload.put("reason", reason);
                            }
                            if (decisionRef != null) {
                              payload.put("decisionRef", decisionRef);
                            }
                            payload.put("revoked", revoked);
                            return events
                                .append(EVENT, now, actor.username(), payload)
                                .flatMap(
                                    event ->
                                        grants
                                            .revoke(revocation, actor.username(), event.sequence())
                                            .thenReturn(event.sequence()));
                          }))
                  .map(
                      sequence -> {
                        register.committed(change, sequence);
                        return new Written(grantId, sequence, revoked);
                      });
            }));
  }
}
