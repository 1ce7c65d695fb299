package nl.mandaat.org.application.port;

import nl.mandaat.core.AdministrativeBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The administrative bodies (raad, college, burgemeester). */
public interface Bodies {

  /** Every body, by code. */
  Flux<AdministrativeBody> all();

  /** The body with {@code code}, or empty. */
  Mono<AdministrativeBody> byCode(String code);

  /** Stores a new body. */
  Mono<Void> insert(AdministrativeBody body);
}
