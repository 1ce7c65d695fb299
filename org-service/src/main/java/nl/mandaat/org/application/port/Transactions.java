package nl.mandaat.org.application.port;

import reactor.core.publisher.Mono;

/** Transaction boundaries. */
public interface Transactions {

  /** Runs {@code work} in one transaction (or the current one): all of it is stored, or none. */
  <T> Mono<T> write(Mono<T> work);

  /** Runs {@code work} in one read-only transaction that sees a single moment of the store. */
  <T> Mono<T> consistentRead(Mono<T> work);
}
