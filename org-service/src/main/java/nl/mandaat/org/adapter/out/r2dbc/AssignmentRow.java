package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Window;

record AssignmentRow(
    String id,
    String person,
    String position,
    LocalDate validFrom,
    LocalDate validTo,
    Instant recordedAt) {

  static final String COLUMNS = "id, person, position, valid_from, valid_to, recorded_at";

  static AssignmentRow read(Readable row) {
    return new AssignmentRow(
        row.get("id", String.class),
        row.get("person", String.class),
        row.get("position", String.class),
        row.get("valid_from", LocalDate.class),
        row.get("valid_to", LocalDate.class),
        row.get("recorded_at", OffsetDateTime.class).toInstant());
  }

  Assignment toDomain() {
    return new Assignment(id, person, position, Window.of(validFrom, validTo), recordedAt);
  }
}
