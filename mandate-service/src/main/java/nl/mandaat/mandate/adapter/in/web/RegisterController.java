package nl.mandaat.mandate.adapter.in.web;

import nl.mandaat.mandate.application.ReadRevision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/register")
class RegisterController {

  record RevisionResponse(long revision) {}

  private final ReadRevision readRevision;

  RegisterController(ReadRevision readRevision) {
    this.readRevision = readRevision;
  }

  /** The register's current revision (API.md, "Register"). */
  @GetMapping("/revision")
  Mono<RevisionResponse> revision() {
    return readRevision.current().map(RevisionResponse::new);
  }
}
