package nl.mandaat.org.domain;

import java.util.Objects;
import nl.mandaat.core.EventChain;

/**
 * An event as the outbox keeps it; {@code payload} and {@code recordedAt} are the exact texts the
 * hash covers.
 */
public record StoredEvent(
    long sequence,
    String type,
    String recordedAt,
    String actor,
    String payload,
    String prevHash,
    String hash) {

  public StoredEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** Whether the hash matches the fields and follows {@code previousHash}. */
  public boolean follows(String previousHash) {
    return prevHash.equals(previousHash)
        && hash.equals(EventChain.hash(prevHash, sequence, type, recordedAt, actor, payload));
  }
}
