package nl.mandaat.mandate.application.port;

import reactor.core.publisher.Mono;

/** The register's revision as stored: the sequence of its last event. */
@FunctionalInterface
public interface Revisions {

  /** The sequence number of the last recorded event, or 0 when nothing was recorded yet. */
  Mono<Long> lastSequence();
}
