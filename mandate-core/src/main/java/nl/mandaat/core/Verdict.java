package nl.mandaat.core;

import java.util.List;

/**
 * The outcome of validating a change: accepted, or every rule it violates (not just the first).
 * Immutable.
 */
public record Verdict(List<Violation> violations) {
  private static final Verdict ACCEPTED = new Verdict(List.of());

  public Verdict {
    violations = List.copyOf(violations);
  }

  public static Verdict accepted() {
    return ACCEPTED;
  }

  public static Verdict of(List<Violation> violations) {
    return violations.isEmpty() ? ACCEPTED : new Verdict(violations);
  }

  /** Whether the change breaks no rule. */
  public boolean isAccepted() {
    return violations.isEmpty();
  }

  /** The violated codes, in the order found. */
  public List<String> codes() {
    return violations.stream().map(Violation::code).toList();
  }
}
