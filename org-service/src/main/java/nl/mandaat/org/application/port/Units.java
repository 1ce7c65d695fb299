package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;
import reactor.core.publisher.Flux;

/** The organisational units as recorded, with their validity windows. */
public interface Units {

  /** The units in force on {@code date}, ordered by code. */
  Flux<OrgUnit> inForceOn(LocalDate date);
}
