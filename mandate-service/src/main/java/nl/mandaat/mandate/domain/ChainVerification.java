package nl.mandaat.mandate.domain;

import nl.mandaat.core.EventChain;

/**
 * The outcome of recomputing the hash chain.
 *
 * @param checked how many events were read
 * @param firstBreak the sequence of the first event whose hash does not follow, null when none
 */
public record ChainVerification(boolean valid, long checked, Long firstBreak) {

  /** Folds one more event into the verification. */
  public static final class Walker {
    private String prevHash = EventChain.GENESIS;
    private long expectedSequence = 1;
    private long checked;
    private Long firstBreak;

    public void accept(RecordedEvent event) {
      checked++;
      if (firstBreak == null
          && (event.sequence() != expectedSequence || !event.chainsAfter(prevHash))) {
        firstBreak = event.sequence();
      }
      expectedSequence = event.sequence() + 1;
      prevHash = event.hash();
    }

    public ChainVerification result() {
      return new ChainVerification(firstBreak == null, checked, firstBreak);
    }
  }
}
