package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.UnitKind;

record UnitRow(
    String code,
    String name,
    String parentCode,
    String kind,
    LocalDate validFrom,
    LocalDate validTo) {

  OrgUnit toDomain() {
    return new OrgUnit(code, name, parentCode, UnitKind.valueOf(kind), validFrom, validTo);
  }
}
