package nl.mandaat.mandate.application;

import java.util.Objects;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.CatalogueEntry;
import reactor.core.publisher.Mono;

/** Loads the catalogue, grants and revocations from storage into the live register. */
public final class LoadRegister {

  private final LiveRegister register;
  private final Catalogue catalogue;
  private final Grants grants;
  private final RegisterEvents events;

  public LoadRegister(
      LiveRegister register, Catalogue catalogue, Grants grants, RegisterEvents events) {
    this.register = Objects.requireNonNull(register, "register");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Completes once the live register holds everything stored; answers its revision. */
  public Mono<Long> load() {
    return Mono.zip(
            catalogue.all().map(CatalogueEntry::toDecisionType).collectList(),
            grants.all().collectList(),
            grants.revocations().collectList(),
            events.lastSequence())
        .map(
            stored -> {
              register.load(stored.getT1(), stored.getT2(), stored.getT3(), stored.getT4());
              return stored.getT4();
            });
  }
}
