package nl.mandaat.mandate.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.mandaat.core.Actor;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;

/**
 * Imports grants all or nothing: each is validated by mandate-core against the register with the
 * ones before it applied (so a batch may hold a parent and its sub-grants), then all are stored in
 * one transaction, one event each.
 */
public final class ImportGrants {

  private final WritePath path;

  public ImportGrants(WritePath path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Imports the proposals (each with its own id) in order; the revision after the last. Fails with
   * {@link ChangeRefused} naming the first refused item's violations, each field prefixed with
   * {@code grants[i].}; then nothing is stored.
   */
  public Mono<Written> importAll(List<Grant.Builder> proposals, Actor actor) {
    return path.write(
        () -> {
          LiveRegister.Head head = path.register().head();
          Instant now = EventChain.storable(path.clock().instant());
          List<RegisterChange> changes = new ArrayList<>();
          List<Grant> grants = new ArrayList<>();
          List<RecordedEvent> recorded = new ArrayList<>();
          Register working = head.register();
          String prevHash = head.hash();
          for (int i = 0; i < proposals.size(); i++) {
            Grant grant =
                RecordGrant.withParentHolder(working, proposals.get(i).recordedAt(now).build());
            RegisterChange change = new RegisterChange.NewGrant(grant, actor);
            Verdict verdict = Validator.validate(working, change);
            if (!verdict.isAccepted()) {
              return Mono.error(new ChangeRefused(at(i, verdict)));
            }
            working = working.with(change);
            RecordedEvent event =
                path.events()
                    .next(
                        head.sequence() + 1 + i,
                        prevHash,
                        RecordGrant.EVENT,
                        now,
                        actor.username(),
                        grant);
            prevHash = event.hash();
            changes.add(change);
            grants.add(grant);
            recorded.add(event);
          }
          if (grants.isEmpty()) {
            return Mono.just(Optional.of(new Written(null, head.register().revision(), List.of())));
          }
          return path.store()
              .recordGrants(
                  recorded,
                  grants,
                  Collections.nCopies(grants.size(), actor.username()),
                  Collections.nCopies(grants.size(), (String) null))
              .map(
                  stored -> {
                    if (!stored) {
                      return Optional.<Written>empty();
                    }
                    for (int i = 0; i < changes.size(); i++) {
                      path.register().committed(changes.get(i), recorded.get(i));
                    }
                    return Optional.of(
                        new Written(
                            null,
                            recorded.get(recorded.size() - 1).sequence(),
                            grants.stream().map(Grant::id).toList()));
                  });
        });
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
