package nl.mandaat.mandate.application;

import java.util.concurrent.atomic.AtomicReference;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.domain.OrganisationState;

/**
 * The current register in memory: the organisation (from org-service) joined with the catalogue,
 * grants and revocations (owned here), at the revision of the last committed event.
 *
 * <p>Thread-safe: readers take {@link #current()} without locking; writers replace it atomically.
 */
public final class LiveRegister {

  private final AtomicReference<Register> register =
      new AtomicReference<>(Register.builder().build());

  /** The register as it stands now; never null. */
  public Register current() {
    return register.get();
  }

  /** Replaces the mandate part by what was loaded from storage, keeping the organisation. */
  public void load(
      Iterable<DecisionType> types,
      Iterable<Grant> grants,
      Iterable<Revocation> revocations,
      long revision) {
    register.updateAndGet(
        current -> {
          Register.Builder b = OrganisationState.of(current).applyTo(Register.builder());
          types.forEach(b::decisionType);
          grants.forEach(b::grant);
          revocations.forEach(b::revocation);
          return b.revision(revision).build();
        });
  }

  /** Replaces the organisation, keeping the catalogue, grants, revocations and revision. */
  public void organisation(OrganisationState organisation) {
    register.updateAndGet(
        current -> {
          Register.Builder b = organisation.applyTo(Register.builder());
          current.decisionTypes().values().forEach(b::decisionType);
          current.grants().values().forEach(b::grant);
          current.revocations().values().forEach(b::revocation);
          return b.revision(current.revision()).zone(current.zone()).build();
        });
  }

  /** Applies a committed change that was recorded as event {@code sequence}. */
  public void committed(RegisterChange change, long sequence) {
    register.updateAndGet(current -> current.toBuilder().apply(change).revision(sequence).build());
  }

  /** Adds a committed catalogue entry recorded as event {@code sequence}. */
  public void committed(DecisionType type, long sequence) {
    register.updateAndGet(
        current -> current.toBuilder().decisionType(type).revision(sequence).build());
  }
}
