package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import nl.mandaat.org.application.Recorded;
import nl.mandaat.org.domain.OrgUnit;

/**
 * A unit as the API shows it; absent members (no parent, no end; revision and warnings on reads)
 * are left out (I-JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UnitResponse(
    String code,
    String name,
    String kind,
    String parent,
    LocalDate validFrom,
    LocalDate validTo,
    Integer headcount,
    Long revision,
    List<WarningResponse> warnings) {

  static UnitResponse of(OrgUnit unit) {
    return new UnitResponse(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        unit.validFrom(),
        unit.validTo(),
        unit.headcount(),
        null,
        null);
  }

  static UnitResponse of(Recorded<OrgUnit> recorded) {
    OrgUnit unit = recorded.value();
    return new UnitResponse(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        unit.validFrom(),
        unit.validTo(),
        unit.headcount(),
        recorded.revision(),
        WarningResponse.of(recorded.warnings()));
  }
}
