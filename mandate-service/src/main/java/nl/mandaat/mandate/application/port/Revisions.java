package nl.mandaat.mandate.application.port;

import reactor.core.publisher.Mono;

/**
 * The register's revision as stored: the sequence of the last event that changed the register. An
 * event that changes nothing in it (an {@code ExpiryNoticeDue}) takes a sequence but makes no
 * revision.
 */
@FunctionalInterface
public interface Revisions {

  /** The current revision, or 0 when nothing was recorded yet. */
  Mono<Long> revision();
}
