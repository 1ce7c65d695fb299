package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;

record SubstitutionRow(
    String id,
    String substitute,
    String position,
    LocalDate validFrom,
    LocalDate validTo,
    Instant recordedAt) {

  static final String COLUMNS = "id, substitute, position, valid_from, valid_to, recorded_at";

  static SubstitutionRow read(Readable row) {
    return new SubstitutionRow(
        row.get("id", String.class),
        row.get("substitute", String.class),
        row.get("position", String.class),
        row.get("valid_from", LocalDate.class),
        row.get("valid_to", LocalDate.class),
        row.get("recorded_at", OffsetDateTime.class).toInstant());
  }

  Substitution toDomain() {
    return new Substitution(id, substitute, position, Window.of(validFrom, validTo), recordedAt);
  }
}
