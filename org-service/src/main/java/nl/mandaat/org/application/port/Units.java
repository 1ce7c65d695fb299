package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.org.domain.OrgUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisational units as recorded, with their validity windows. */
public interface Units {

  /** The units in force on {@code date}, ordered by code. */
  Flux<OrgUnit> inForceOn(LocalDate date);

  /** Every window of the unit {@code code}, oldest first. */
  Flux<OrgUnit> history(String code);

  /** Every window of every unit, by code and start. */
  Flux<OrgUnit> all();

  /** Stores a new window. */
  Mono<Void> insert(OrgUnit unit);

  /** Ends the window of {@code code} that starts on {@code validFrom} on {@code validTo}. */
  Mono<Void> end(String code, LocalDate validFrom, LocalDate validTo);

  /** The version of unit {@code code} (shared by all its windows); empty when it is unknown. */
  Mono<Long> version(String code);

  /**
   * Raises the version of unit {@code code} by one when it is still {@code expectedVersion}.
   *
   * @return whether it was
   */
  Mono<Boolean> advance(String code, long expectedVersion);

  /** Rewrites the window of {@code unit.code()} that starts on {@code unit.validFrom()}. */
  Mono<Void> replace(OrgUnit unit);
}
