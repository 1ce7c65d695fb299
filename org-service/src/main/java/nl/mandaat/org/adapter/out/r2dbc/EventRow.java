package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import nl.mandaat.org.domain.StoredEvent;

record EventRow(
    long sequence,
    String type,
    String recordedAt,
    String actor,
    String payload,
    String prevHash,
    String hash) {

  static final String COLUMNS = "sequence, type, recorded_at, actor, payload, prev_hash, hash";

  static EventRow read(Readable row) {
    return new EventRow(
        row.get("sequence", Long.class),
        row.get("type", String.class),
        row.get("recorded_at", String.class),
        row.get("actor", String.class),
        row.get("payload", String.class),
        row.get("prev_hash", String.class),
        row.get("hash", String.class));
  }

  StoredEvent toDomain() {
    return new StoredEvent(sequence, type, recordedAt, actor, payload, prevHash, hash);
  }
}
