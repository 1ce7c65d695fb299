package nl.mandaat.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * An answer to "what may this subject decide": a decision type, through which position, in which
 * units (empty: every unit), up to which ceiling (null: none), with which conditions and chain.
 *
 * @param viaSubstitution whether the subject holds the position only as a substitute
 */
public record Competence(
    String decisionType,
    String position,
    List<String> units,
    BigDecimal ceiling,
    List<String> conditions,
    List<String> instructions,
    List<ChainLink> chain,
    boolean viaSubstitution) {
  public Competence {
    units = List.copyOf(units);
    conditions = List.copyOf(conditions);
    instructions = List.copyOf(instructions);
    chain = List.copyOf(chain);
  }
}
