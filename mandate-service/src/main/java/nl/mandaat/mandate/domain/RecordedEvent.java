package nl.mandaat.mandate.domain;

import java.time.Instant;
import java.util.Objects;
import nl.mandaat.core.EventChain;

/**
 * One immutable event of the register's outbox (docs/events.md).
 *
 * @param payload the exact JSON text that was hashed
 */
public record RecordedEvent(
    long sequence,
    String type,
    Instant recordedAt,
    String actor,
    String payload,
    String prevHash,
    String hash) {

  public RecordedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(payload, "payload");
  }

  /** Whether the stored hash is the one its fields give, after {@code expectedPrevHash}. */
  public boolean chainsAfter(String expectedPrevHash) {
    return expectedPrevHash.equals(prevHash)
        && EventChain.hash(prevHash, sequence, type, recordedAt, actor, payload).equals(hash);
  }
}
