package nl.mandaat.support.events;

import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event of an {@link EventLog}; {@code recordedAt} and {@code payload} are the exact texts the
 * hash covers ({@code nl.mandaat.core.EventChain}). No component is null.
 */
public record LoggedEvent(
    long sequence,
    String type,
    String recordedAt,
    String actor,
    String payload,
    String prevHash,
    String hash) {

  private static final JsonMapper JSON = JsonMapper.shared();

  public LoggedEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The SSE {@code data} of docs/events.md, with {@code revision} equal to {@code sequence}. */
  public String toJson() {
    // Assembled by hand so the payload goes out as the exact text the hash covers.
    return "{\"sequence\":"
        + sequence
        + ",\"type\":"
        + JSON.writeValueAsString(type)
        + ",\"recordedAt\":"
        + JSON.writeValueAsString(recordedAt)
        + ",\"actor\":"
        + JSON.writeValueAsString(actor)
        + ",\"revision\":"
        + sequence
        + ",\"payload\":"
        + payload
        + ",\"prevHash\":"
        + JSON.writeValueAsString(prevHash)
        + ",\"hash\":"
        + JSON.writeValueAsString(hash)
        + "}";
  }
}
