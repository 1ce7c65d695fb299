package nl.mandaat.mandate.application.port;

import reactor.core.publisher.Mono;

/** The register's event stream, as recorded in the outbox. */
public interface RegisterEvents {

  /** The sequence number of the last recorded event, or 0 when nothing was recorded yet. */
  Mono<Long> lastSequence();
}
