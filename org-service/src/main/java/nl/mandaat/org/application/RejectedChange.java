package nl.mandaat.org.application;

import java.util.List;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;

/** A change that breaks rules of the register; nothing of it is stored. */
public final class RejectedChange extends RuntimeException {

  private final transient List<Violation> violations;

  public RejectedChange(Verdict verdict) {
    super("Rejected: " + verdict.codes(), null, false, false);
    this.violations = verdict.violations();
  }

  /** Every violated rule, in the order found; never empty. */
  public List<Violation> violations() {
    return violations;
  }
}
