package nl.mandaat.mandate.application;

import java.util.Objects;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.ChainVerification;
import reactor.core.publisher.Mono;

/** Recomputes the outbox's hash chain from the first event and reports the first break. */
public final class VerifyChain {

  private final RegisterEvents events;

  public VerifyChain(RegisterEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  public Mono<ChainVerification> verify() {
    return events
        .after(0)
        .reduce(
            new ChainVerification.Walker(),
            (walker, event) -> {
              walker.accept(event);
              return walker;
            })
        .map(ChainVerification.Walker::result);
  }
}
