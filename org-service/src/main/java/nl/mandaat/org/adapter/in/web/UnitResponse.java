package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;

/** A unit as the API shows it; absent members (no parent, no end) are left out (I-JSON). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UnitResponse(
    String code, String name, String kind, String parent, LocalDate validFrom, LocalDate validTo) {

  static UnitResponse of(OrgUnit unit) {
    return new UnitResponse(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        unit.validFrom(),
        unit.validTo());
  }
}
