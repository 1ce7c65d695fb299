package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import nl.mandaat.core.Position;
import nl.mandaat.core.Window;
import nl.mandaat.org.domain.VersionedPosition;

record PositionRow(
    String code,
    String name,
    String unitCode,
    String reportsTo,
    boolean singleHolder,
    boolean external,
    LocalDate validFrom,
    LocalDate validTo,
    long version) {

  static final String COLUMNS =
      "code, name, unit_code, reports_to, single_holder, external, valid_from, valid_to, version";

  static PositionRow read(Readable row) {
    String prefix = "";
    return new PositionRow(
        row.get(prefix + "code", String.class),
        row.get(prefix + "name", String.class),
        row.get(prefix + "unit_code", String.class),
        row.get(prefix + "reports_to", String.class),
        row.get(prefix + "single_holder", Boolean.class),
        row.get(prefix + "external", Boolean.class),
        row.get(prefix + "valid_from", LocalDate.class),
        row.get(prefix + "valid_to", LocalDate.class),
        row.get(prefix + "version", Long.class));
  }

  VersionedPosition toDomain() {
    return new VersionedPosition(
        new Position(
            code, name, unitCode, reportsTo, singleHolder, external, Window.of(validFrom, validTo)),
        version);
  }
}
