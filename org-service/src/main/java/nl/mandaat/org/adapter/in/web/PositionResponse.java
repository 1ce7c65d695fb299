package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import nl.mandaat.core.Position;
import nl.mandaat.org.application.Recorded;
import nl.mandaat.org.domain.VersionedPosition;

/** A position; {@code version} is what a change sends back (optimistic locking). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PositionResponse(
    String code,
    String name,
    String unit,
    String reportsTo,
    boolean singleHolder,
    boolean external,
    LocalDate validFrom,
    LocalDate validTo,
    long version,
    Long revision,
    List<WarningResponse> warnings) {

  static PositionResponse of(VersionedPosition versioned) {
    return of(versioned, null, null);
  }

  static PositionResponse of(Recorded<VersionedPosition> recorded) {
    return of(recorded.value(), recorded.revision(), WarningResponse.of(recorded.warnings()));
  }

  private static PositionResponse of(
      VersionedPosition versioned, Long revision, List<WarningResponse> warnings) {
    Position p = versioned.position();
    return new PositionResponse(
        p.code(),
        p.name(),
        p.unitCode(),
        p.reportsTo(),
        p.singleHolder(),
        p.external(),
        p.lifetime().from(),
        p.lifetime().to(),
        versioned.version(),
        revision,
        warnings);
  }
}
