package nl.mandaat.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in euro as whole cents: comparisons on the hot path are then plain longs. */
final class Amounts {
  /** No ceiling, no amount. */
  static final long NONE = Long.MAX_VALUE;

  private Amounts() {}

  /**
   * The amount in cents.
   *
   * @throws IllegalArgumentException when negative or with more than two decimals
   */
  static long toCents(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("amount has more than two decimals: " + amount);
    }
    try {
      return amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range: " + amount, e);
    }
  }

  static long ceilingCents(BigDecimal ceiling) {
    return ceiling == null ? NONE : toCents(ceiling);
  }

  static BigDecimal fromCents(long cents) {
    return cents == NONE ? null : BigDecimal.valueOf(cents, 2);
  }
}
