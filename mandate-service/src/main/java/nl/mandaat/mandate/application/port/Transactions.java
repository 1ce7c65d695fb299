package nl.mandaat.mandate.application.port;

import reactor.core.publisher.Mono;

/** Runs register writes one at a time, each in its own transaction. */
public interface Transactions {

  /**
   * Runs {@code work} in a transaction that first takes the register's write lock, so writers from
   * every instance follow each other; completes after the commit.
   */
  <T> Mono<T> inWriteLock(Mono<T> work);
}
