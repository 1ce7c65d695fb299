package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import nl.mandaat.core.Window;
import nl.mandaat.org.domain.HeldPosition;

record HeldPositionRow(
    PositionRow position, String via, String recordId, LocalDate from, LocalDate to) {

  static HeldPositionRow read(Readable row) {
    return new HeldPositionRow(
        PositionRow.read(row),
        row.get("via", String.class),
        row.get("record_id", String.class),
        row.get("held_from", LocalDate.class),
        row.get("held_to", LocalDate.class));
  }

  HeldPosition toDomain() {
    return new HeldPosition(
        position.toDomain().position(),
        HeldPosition.Via.valueOf(via),
        recordId,
        Window.of(from, to));
  }
}
