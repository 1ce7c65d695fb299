package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.UnitKind;

record UnitRow(
    String code,
    String name,
    String parentCode,
    String kind,
    LocalDate validFrom,
    LocalDate validTo,
    int headcount) {

  static final String COLUMNS = "code, name, parent_code, kind, valid_from, valid_to, headcount";

  static UnitRow read(Readable row) {
    return new UnitRow(
        row.get("code", String.class),
        row.get("name", String.class),
        row.get("parent_code", String.class),
        row.get("kind", String.class),
        row.get("valid_from", LocalDate.class),
        row.get("valid_to", LocalDate.class),
        row.get("headcount", Integer.class));
  }

  OrgUnit toDomain() {
    return new OrgUnit(
        code, name, parentCode, UnitKind.valueOf(kind), validFrom, validTo, headcount);
  }
}
