package nl.mandaat.mandate.application;

import nl.mandaat.core.Verdict;

/** A change the rules refuse; nothing was stored. */
public final class ChangeRefused extends RuntimeException {

  private final transient Verdict verdict;

  public ChangeRefused(Verdict verdict) {
    super(String.join(", ", verdict.codes()), null, false, false);
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The first violation's code. */
  public String code() {
    return verdict.codes().get(0);
  }
}
