package nl.mandaat.mandate.adapter.in.web;

import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.domain.CatalogueEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
class DecisionTypeController {

  private final Catalogue catalogue;

  DecisionTypeController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The decision-type catalogue with its ZGW fields. */
  @GetMapping("/api/v1/decision-types")
  Flux<CatalogueEntry> all() {
    return catalogue.all();
  }
}
