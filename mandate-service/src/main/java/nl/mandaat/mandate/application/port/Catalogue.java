package nl.mandaat.mandate.application.port;

import nl.mandaat.mandate.domain.CatalogueEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The decision-type catalogue. */
public interface Catalogue {

  Flux<CatalogueEntry> all();

  /** The entries recorded by events up to {@code sequence}. */
  Flux<CatalogueEntry> upTo(long sequence);

  Mono<Void> insert(CatalogueEntry entry, long sequence);
}
