package nl.mandaat.mandate.adapter.out.org;

import nl.mandaat.core.demo.DemoMunicipality;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.mandate.domain.OrganisationState;
import reactor.core.publisher.Flux;

/** The demo municipality's organisation (DOMAIN.md), fixed; for profile {@code demo} and tests. */
public final class DemoOrganisation implements Organisation {

  private final OrganisationState state = OrganisationState.of(DemoMunicipality.register());

  @Override
  public Flux<OrganisationState> states() {
    return Flux.just(state).concatWith(Flux.never());
  }
}
