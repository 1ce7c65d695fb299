package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.Objects;
import nl.mandaat.org.application.port.Units;
import nl.mandaat.org.domain.OrgUnit;
import reactor.core.publisher.Flux;

/** Lists the organisation as it stood on a given date. */
public final class ListUnits {

  private final Units units;

  public ListUnits(Units units) {
    this.units = Objects.requireNonNull(units, "units");
  }

  /** The units in force on {@code date}, ordered by code. */
  public Flux<OrgUnit> inForceOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    // The domain decides what "in force" means; the store only narrows the search.
    return units.inForceOn(date).filter(unit -> unit.isInForceOn(date));
  }
}
