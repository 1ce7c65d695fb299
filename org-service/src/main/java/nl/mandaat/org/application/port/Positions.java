package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.core.Position;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The positions (functies) with their lifetimes. */
public interface Positions {

  /** The positions that exist on {@code date}, by code. */
  Flux<VersionedPosition> inForceOn(LocalDate date);

  /** Every position, by code. */
  Flux<VersionedPosition> all();

  /** Every position of unit {@code unitCode}, whatever its lifetime, by code. */
  Flux<VersionedPosition> inUnit(String unitCode);

  /** The position with {@code code}, or empty. */
  Mono<VersionedPosition> byCode(String code);

  /** Stores a new position at version 0. */
  Mono<Void> insert(Position position);

  /**
   * Replaces the position when it still has {@code expectedVersion}, raising the version by one.
   *
   * @return whether it was replaced
   */
  Mono<Boolean> update(Position position, long expectedVersion);
}
