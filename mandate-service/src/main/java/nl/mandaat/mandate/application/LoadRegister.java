package nl.mandaat.mandate.application;

import java.util.Objects;
import nl.mandaat.core.EventChain;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.CatalogueEntry;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

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

  /**
   * Completes once the live register holds everything stored up to the last event, read first, so
   * that rows of later events (another instance writing meanwhile) wait for {@link CatchUp};
   * answers its revision.
   */
  public Mono<Long> load() {
    return events
        .last()
        .map(last -> Tuples.of(last.sequence(), last.hash()))
        .defaultIfEmpty(Tuples.of(0L, EventChain.GENESIS))
        .flatMap(
            head ->
                Mono.zip(
                        catalogue
                            .upTo(head.getT1())
                            .map(CatalogueEntry::toDecisionType)
                            .collectList(),
                        grants.upTo(head.getT1()).collectList(),
                        grants.revocationsUpTo(head.getT1()).collectList(),
                        events.revisionUpTo(head.getT1()))
                    .map(
                        stored -> {
                          register.load(
                              stored.getT1(),
                              stored.getT2(),
                              stored.getT3(),
                              stored.getT4(),
                              head.getT1(),
                              head.getT2());
                          return stored.getT4();
                        }));
  }
}
