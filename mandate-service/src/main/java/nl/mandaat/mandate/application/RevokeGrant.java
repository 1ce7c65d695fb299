package nl.mandaat.mandate.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Revocation;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;

/**
 * Revokes a grant and so, in the same transaction and event, every sub-grant below it (Awb 10:8,
 * 10:9(2)).
 */
public final class RevokeGrant {

  public static final String EVENT = "GrantRevoked";

  private final WritePath path;

  public RevokeGrant(WritePath path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Revokes {@code grantId} now; fails with {@link ChangeRefused} when a rule forbids it. */
  public Mono<Written> revoke(String grantId, String reason, String decisionRef, Actor actor) {
    return path.write(
        () -> {
          LiveRegister.Head head = path.register().head();
          Register current = head.register();
          Instant now = EventChain.storable(path.clock().instant());
          Revocation revocation = Revocation.of(grantId, now, reason, decisionRef);
          RegisterChange change = new RegisterChange.RevokeGrant(revocation, actor);
          Verdict verdict = Validator.validate(current, change);
          if (!verdict.isAccepted()) {
            return Mono.error(new ChangeRefused(verdict));
          }
          List<String> revoked = new ArrayList<>();
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
          RecordedEvent event =
              path.events()
                  .next(head.sequence() + 1, head.hash(), EVENT, now, actor.username(), payload);
          return path.store()
              .revoke(event, revocation, actor.username())
              .map(
                  stored -> {
                    if (!stored) {
                      return Optional.<Written>empty();
                    }
                    path.register().committed(change, event);
                    return Optional.of(new Written(grantId, event.sequence(), revoked));
                  });
        });
  }
}
