package nl.mandaat.mandate.adapter.in.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Register;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.ReadRevision;
import nl.mandaat.mandate.application.VerifyChain;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/register")
class RegisterController {

  record RevisionResponse(long revision) {}

  /** The register as it stood at a moment: what was recorded by then, with its status then. */
  record RegisterAt(
      Instant at,
      long revision,
      List<DecisionType> decisionTypes,
      List<GrantView> grants,
      List<Revocation> revocations) {}

  private final ReadRevision readRevision;
  private final VerifyChain verifyChain;
  private final LiveRegister register;
  private final RegisterEvents events;
  private final Clock clock;

  RegisterController(
      ReadRevision readRevision,
      VerifyChain verifyChain,
      LiveRegister register,
      RegisterEvents events,
      Clock clock) {
    this.readRevision = readRevision;
    this.verifyChain = verifyChain;
    this.register = register;
    this.events = events;
    this.clock = clock;
  }

  /** The register's current revision (API.md, "Register"). */
  @GetMapping("/revision")
  Mono<RevisionResponse> revision() {
    return readRevision.current().map(RevisionResponse::new);
  }

  /** The whole register as it stood at {@code at} (a date: the end of that day; rule 23). */
  @GetMapping
  Mono<RegisterAt> at(@RequestParam(required = false) String at) {
    Register current = register.current();
    Instant moment = Callers.moment(at, clock, current.zone());
    return events
        .revisionAt(moment)
        .map(
            revision ->
                new RegisterAt(
                    moment,
                    revision,
                    List.copyOf(current.decisionTypes().values()),
                    current.grants().values().stream()
                        .filter(g -> !g.recordedAt().isAfter(moment))
                        .map(g -> GrantView.of(current, g, moment))
                        .toList(),
                    current.revocations().values().stream()
                        .filter(r -> !r.revokedAt().isAfter(moment))
                        .toList()));
  }

  /** Recomputes the hash chain of every event and names the first that does not follow. */
  @GetMapping("/verification")
  Mono<ChainVerification> verification() {
    return verifyChain.verify();
  }
}
