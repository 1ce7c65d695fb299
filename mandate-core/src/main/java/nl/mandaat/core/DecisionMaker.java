package nl.mandaat.core;

import java.util.List;

/**
 * An answer to "who may decide X": a position, the persons holding it at the moment and those
 * substituting for it, and the chain through which the position may decide.
 */
public record DecisionMaker(
    String position, List<String> holders, List<String> substitutes, List<ChainLink> chain) {
  public DecisionMaker {
    holders = List.copyOf(holders);
    substitutes = List.copyOf(substitutes);
    chain = List.copyOf(chain);
  }
}
