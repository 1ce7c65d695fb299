package nl.mandaat.mandate.application;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.domain.CommittedChange;
import nl.mandaat.mandate.domain.OrganisationState;
import nl.mandaat.mandate.domain.RecordedEvent;

/**
 * The current register in memory: the organisation (from org-service) joined with the catalogue,
 * grants and revocations (owned here), as of the last event applied, whose sequence and hash it
 * keeps so that the next write chains to it. Its revision is that of the last event that changed
 * it: an expiry notice moves the head on but makes no revision (docs/events.md).
 *
 * <p>Thread-safe: readers take {@link #current()} without locking; writers replace it atomically.
 * Events are applied strictly in sequence, each exactly once, whether this instance wrote them or
 * another one did.
 */
public final class LiveRegister {

  /**
   * The register, the last event applied and its hash.
   *
   * @param register its revision is the sequence of the last event applied that changed it
   * @param sequence the sequence of the last event applied, of any type: the next write's follows
   * @param hash that event's hash; {@link EventChain#GENESIS} before the first
   */
  public record Head(Register register, long sequence, String hash) {
    public Head {
      Objects.requireNonNull(register, "register");
      Objects.requireNonNull(hash, "hash");
    }
  }

  private final AtomicReference<Head> head =
      new AtomicReference<>(new Head(Register.builder().build(), 0, EventChain.GENESIS));

  /** The register as it stands now; never null. */
  public Register current() {
    return head.get().register();
  }

  /** The register with the hash of its last event; never null. */
  public Head head() {
    return head.get();
  }

  /**
   * Replaces the mandate part by what was loaded from storage, consistent at event {@code sequence}
   * with hash {@code hash} and at {@code revision}, keeping the organisation.
   */
  public void load(
      Iterable<DecisionType> types,
      Iterable<Grant> grants,
      Iterable<Revocation> revocations,
      long revision,
      long sequence,
      String hash) {
    head.updateAndGet(
        current -> {
          Register.Builder b = OrganisationState.of(current.register()).applyTo(Register.builder());
          types.forEach(b::decisionType);
          grants.forEach(b::grant);
          revocations.forEach(b::revocation);
          return new Head(b.revision(revision).build(), sequence, hash);
        });
  }

  /** Replaces the organisation, keeping the catalogue, grants, revocations and revision. */
  public void organisation(OrganisationState organisation) {
    head.updateAndGet(
        current -> {
          Register r = current.register();
          Register.Builder b = organisation.applyTo(Register.builder());
          r.decisionTypes().values().forEach(b::decisionType);
          r.grants().values().forEach(b::grant);
          r.revocations().values().forEach(b::revocation);
          return new Head(
              b.revision(r.revision()).zone(r.zone()).build(), current.sequence(), current.hash());
        });
  }

  /**
   * Applies a change this instance committed as {@code event}.
   *
   * @throws IllegalStateException when the event does not directly follow the head
   */
  public void committed(RegisterChange change, RecordedEvent event) {
    advance(event, b -> b.apply(change));
  }

  /**
   * Moves past an event this instance committed that changes nothing in the register (an expiry
   * notice): the next write chains to it, the revision stays.
   *
   * @throws IllegalStateException when the event does not directly follow the head
   */
  public void committedNotice(RecordedEvent event) {
    advance(event, null);
  }

  /**
   * Applies an event read back from the outbox (written by any instance); one already applied is
   * skipped, and one without a change (an expiry notice) only moves the head, not the revision.
   * Answers whether it was applied.
   *
   * @throws IllegalStateException when the event leaves a gap or does not chain to the head
   */
  public boolean caughtUp(CommittedChange committed) {
    RecordedEvent event = committed.event();
    if (event.sequence() <= head.get().sequence()) {
      return false;
    }
    Object change = committed.change();
    if (change == null) {
      advance(event, null);
      return true;
    }
    advance(
        event,
        b -> {
          if (change instanceof Grant g) {
            b.grant(g);
          } else if (change instanceof Revocation r) {
            b.revocation(r);
          } else if (change instanceof DecisionType t) {
            b.decisionType(t);
          }
          return b;
        });
    return true;
  }

  /** Moves the head to {@code event}; with {@code apply} null the register stays as it is. */
  private void advance(
      RecordedEvent event, java.util.function.UnaryOperator<Register.Builder> apply) {
    head.updateAndGet(
        current -> {
          if (event.sequence() != current.sequence() + 1 || !event.chainsAfter(current.hash())) {
            throw new IllegalStateException(
                "event "
                    + event.sequence()
                    + " does not follow the live register at "
                    + current.sequence());
          }
          if (apply == null) {
            return new Head(current.register(), event.sequence(), event.hash());
          }
          Register.Builder next = apply.apply(current.register().toBuilder());
          return new Head(next.revision(event.sequence()).build(), event.sequence(), event.hash());
        });
  }
}
