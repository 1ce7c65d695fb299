package nl.mandaat.mandate.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import nl.mandaat.mandate.domain.RecordedEvent;

record EventRow(
    long sequence,
    String type,
    OffsetDateTime recordedAt,
    String actor,
    String payload,
    String prevHash,
    String hash) {

  static final String COLUMNS = "sequence, type, recorded_at, actor, payload, prev_hash, hash";

  static EventRow from(Readable row) {
    return new EventRow(
        row.get("sequence", Long.class),
        row.get("type", String.class),
        row.get("recorded_at", OffsetDateTime.class),
        row.get("actor", String.class),
        row.get("payload", String.class),
        row.get("prev_hash", String.class),
        row.get("hash", String.class));
  }

  RecordedEvent toEvent() {
    Instant at = recordedAt.toInstant();
    return new RecordedEvent(sequence, type, at, actor, payload, prevHash, hash);
  }
}
