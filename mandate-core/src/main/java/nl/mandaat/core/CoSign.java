package nl.mandaat.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A required medeparaaf by a unit, above an amount (null: always).
 *
 * @param unitCode the co-signing unit, e.g. {@code "inkoop"}
 * @param aboveAmount required only when the amount is strictly above this, null for always
 */
public record CoSign(String unitCode, BigDecimal aboveAmount) {
  public CoSign {
    Objects.requireNonNull(unitCode, "unitCode");
  }

  public static CoSign always(String unitCode) {
    return new CoSign(unitCode, null);
  }

  public static CoSign above(String unitCode, BigDecimal amount) {
    return new CoSign(unitCode, amount);
  }
}
