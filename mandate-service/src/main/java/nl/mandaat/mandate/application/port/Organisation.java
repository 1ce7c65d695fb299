package nl.mandaat.mandate.application.port;

import nl.mandaat.mandate.domain.OrganisationState;
import reactor.core.publisher.Flux;

/** The organisation as org-service owns it (bodies, units, positions, persons, ...). */
public interface Organisation {

  /** The organisation as it stands now, then each new state; hot. */
  Flux<OrganisationState> states();
}
