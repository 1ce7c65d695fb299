package nl.mandaat.mandate.application.port;

import java.util.Optional;
import nl.mandaat.mandate.domain.OrganisationState;
import reactor.core.publisher.Flux;

/** The organisation as org-service owns it (bodies, units, positions, persons, ...). */
public interface Organisation {

  /** The organisation as it stands now, then each new state; hot. */
  Flux<OrganisationState> states();

  /**
   * Why writes must wait: the organisation can no longer be trusted to be complete (an event this
   * version cannot apply); empty while it can.
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }
}
