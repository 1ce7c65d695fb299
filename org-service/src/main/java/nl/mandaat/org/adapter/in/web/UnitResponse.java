package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import nl.mandaat.org.application.Recorded;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.VersionedUnit;

/**
 * A unit as the API shows it; absent members (no parent, no end; version on lists, revision and
 * warnings on reads) are left out (I-JSON).
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
    Long version,
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
        null,
        null);
  }

  /** A window with the unit's version, as one unit is read. */
  static UnitResponse of(OrgUnit unit, long version) {
    return new UnitResponse(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        unit.validFrom(),
        unit.validTo(),
        unit.headcount(),
        version,
        null,
        null);
  }

  static UnitResponse ofChange(Recorded<VersionedUnit> recorded) {
    OrgUnit unit = recorded.value().unit();
    return new UnitResponse(
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        unit.validFrom(),
        unit.validTo(),
        unit.headcount(),
        recorded.value().version(),
        recorded.revision(),
        WarningResponse.of(recorded.warnings()));
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
        null,
        recorded.revision(),
        WarningResponse.of(recorded.warnings()));
  }
}
