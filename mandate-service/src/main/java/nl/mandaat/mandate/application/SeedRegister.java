package nl.mandaat.mandate.application;

import java.util.List;
import java.util.Objects;
import nl.mandaat.core.Grant;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.application.port.Grants;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.Transactions;
import nl.mandaat.mandate.domain.CatalogueEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a seed catalogue and its grants, each with its event, once: a register that already has
 * events is left as it is. The seed is trusted (it is validated by mandate-core's own tests).
 */
public final class SeedRegister {

  public static final String DECISION_TYPE_EVENT = "DecisionTypeRecorded";

  private final Transactions transactions;
  private final Catalogue catalogue;
  private final Grants grants;
  private final RegisterEvents events;

  public SeedRegister(
      Transactions transactions, Catalogue catalogue, Grants grants, RegisterEvents events) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Seeds when the register is empty; answers whether it did. */
  public Mono<Boolean> seed(List<CatalogueEntry> entries, List<Grant> seedGrants, String actor) {
    return transactions.inWriteLock(
        events
            .last()
            .hasElement()
            .flatMap(
                recorded -> {
                  if (recorded) {
                    return Mono.just(false);
                  }
                  Flux<Void> types =
                      Flux.fromIterable(entries)
                          .concatMap(
                              entry ->
                                  events
                                      .append(
                                          DECISION_TYPE_EVENT,
                                          seedMoment(seedGrants),
                                          actor,
                                          entry.toDecisionType())
                                      .flatMap(e -> catalogue.insert(entry, e.sequence())));
                  Flux<Void> granted =
                      Flux.fromIterable(seedGrants)
                          .concatMap(
                              grant ->
                                  events
                                      .append(RecordGrant.EVENT, grant.recordedAt(), actor, grant)
                                      .flatMap(
                                          e -> grants.insert(grant, actor, null, e.sequence())));
                  return types.thenMany(granted).then(Mono.just(true));
                }));
  }

  private static java.time.Instant seedMoment(List<Grant> seedGrants) {
    return seedGrants.isEmpty() ? java.time.Instant.EPOCH : seedGrants.get(0).recordedAt();
  }
}
