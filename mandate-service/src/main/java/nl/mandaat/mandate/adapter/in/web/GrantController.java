package nl.mandaat.mandate.adapter.in.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.mandaat.core.Actor;
import nl.mandaat.core.CoSign;
import nl.mandaat.core.Consent;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.Register;
import nl.mandaat.core.Window;
import nl.mandaat.mandate.application.ChangeRefused;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.application.RecordGrant;
import nl.mandaat.mandate.application.RevokeGrant;
import nl.mandaat.mandate.application.port.Grants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/grants")
class GrantController {

  /**
   * A new grant (API.md, "Register"). {@code holderPosition} names the holder; a delegation to a
   * body names it in {@code holder}. A sub-grant's grantor is its parent's holder.
   */
  record GrantRequest(
      GrantKind kind,
      String parentGrantId,
      String grantor,
      String holderPosition,
      String holder,
      List<String> decisionTypes,
      List<String> orgUnits,
      BigDecimal ceiling,
      LocalDate validFrom,
      LocalDate validTo,
      Boolean subMandateAllowed,
      List<String> instructions,
      List<String> conditions,
      String grantDecisionRef,
      String legalBasis,
      List<CoSign> coSigns,
      Consent consent,
      Boolean excludesHigherPositions,
      String escalationTarget,
      String publicationRef,
      String id,
      Boolean concept) {}

  record GrantCreated(String id, long revision) {}

  record RevocationRequest(String reason, String decisionRef) {}

  record RevocationResponse(long revision, List<String> revoked) {}

  record GrantDetail(GrantView grant, List<GrantView> chain, List<GrantView> subGrants) {}

  private final RecordGrant recordGrant;
  private final RevokeGrant revokeGrant;
  private final LiveRegister register;
  private final Clock clock;
  private final Grants grants;

  GrantController(
      RecordGrant recordGrant,
      RevokeGrant revokeGrant,
      LiveRegister register,
      Clock clock,
      Grants grants) {
    this.grants = grants;
    this.recordGrant = recordGrant;
    this.revokeGrant = revokeGrant;
    this.register = register;
    this.clock = clock;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<GrantCreated> create(@RequestBody GrantRequest request, Principal principal) {
    Actor actor = Callers.actor(principal);
    if (request.kind() == null || request.validFrom() == null) {
      return Mono.error(
          Callers.problem(
              HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "kind and validFrom are required."));
    }
    String holder = request.holderPosition() != null ? request.holderPosition() : request.holder();
    if (holder == null) {
      return Mono.error(
          Callers.problem(
              HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "holderPosition is required."));
    }
    if (request.parentGrantId() == null && !actor.registerAdministrator()) {
      // Mandates and delegations of a body are recorded by the register administrator only.
      return Mono.error(
          Callers.problem(
              HttpStatus.FORBIDDEN,
              "NOT_REGISTER_ADMINISTRATOR",
              "Only a register administrator records the body's grants."));
    }
    Grant.Builder proposal = proposal(request, holder, grantor(request, actor));
    if (Boolean.TRUE.equals(request.concept())) {
      return recordGrant
          .draft(proposal, actor, request.publicationRef())
          .map(written -> new GrantCreated(written.id(), written.revision()));
    }
    return recordGrant
        .record(proposal, actor, request.publicationRef())
        .onErrorMap(ChangeRefused.class, Callers::refused)
        .map(written -> new GrantCreated(written.id(), written.revision()));
  }

  /** The grant a request describes; id and moment are left to the use case. */
  static Grant.Builder proposal(GrantRequest request, String holder, String grantor) {
    Grant.Builder proposal =
        Grant.builder()
            .kind(request.kind())
            .parent(request.parentGrantId())
            .grantor(grantor)
            .holder(holder)
            .decisionTypes(orEmpty(request.decisionTypes()))
            .orgUnits(orEmpty(request.orgUnits()))
            .ceiling(request.ceiling())
            .window(Window.of(request.validFrom(), request.validTo()))
            .subMandateAllowed(Boolean.TRUE.equals(request.subMandateAllowed()))
            .excludesHigherPositions(Boolean.TRUE.equals(request.excludesHigherPositions()))
            .escalationTarget(request.escalationTarget())
            .grantDecisionRef(request.grantDecisionRef())
            .legalBasis(request.legalBasis())
            .consent(request.consent());
    orEmpty(request.instructions()).forEach(proposal::instruction);
    orEmpty(request.conditions()).forEach(proposal::condition);
    orEmpty(request.coSigns()).forEach(proposal::coSign);
    return proposal;
  }

  private String grantor(GrantRequest request, Actor actor) {
    if (request.parentGrantId() != null) {
      Grant parent = register.current().grants().get(request.parentGrantId());
      if (parent != null) {
        return parent.holder();
      }
    }
    return request.grantor() != null ? request.grantor() : actor.username();
  }

  /** Adopts a concept: from now on it is a grant of the register, validated like a new one. */
  @PostMapping("/{id}/adoption")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<GrantCreated> adopt(@PathVariable String id, Principal principal) {
    return recordGrant
        .adopt(id, Callers.actor(principal))
        .onErrorMap(ChangeRefused.class, Callers::refused)
        .switchIfEmpty(
            Mono.error(
                () ->
                    Callers.problem(
                        HttpStatus.NOT_FOUND, "UNKNOWN_CONCEPT", "No concept " + id + ".")))
        .map(written -> new GrantCreated(written.id(), written.revision()));
  }

  @PostMapping("/{id}/revocation")
  Mono<RevocationResponse> revoke(
      @PathVariable String id, @RequestBody RevocationRequest request, Principal principal) {
    return revokeGrant
        .revoke(id, request.reason(), request.decisionRef(), Callers.actor(principal))
        .onErrorMap(ChangeRefused.class, Callers::refused)
        .map(written -> new RevocationResponse(written.revision(), written.ids()));
  }

  /** The grants in force at {@code at} (a date, or now), by holder and decision type. */
  @GetMapping
  List<GrantView> inForce(
      @RequestParam(required = false) String holder,
      @RequestParam(required = false) String decisionType,
      @RequestParam(required = false) String at) {
    Register current = register.current();
    Instant moment = Callers.moment(at, clock, current.zone());
    return current.grantsInForce(moment).stream()
        .filter(g -> holder == null || g.holder().equals(holder))
        .filter(g -> decisionType == null || g.decisionTypes().contains(decisionType))
        .map(g -> GrantView.of(current, g, moment))
        .toList();
  }

  /** A grant with its chain (root first) and every grant below it. */
  @GetMapping("/{id}")
  Mono<GrantDetail> one(@PathVariable String id, @RequestParam(required = false) String at) {
    Register current = register.current();
    Instant moment = Callers.moment(at, clock, current.zone());
    Grant grant = current.grants().get(id);
    if (grant == null) {
      return grants
          .concept(id)
          .map(concept -> new GrantDetail(GrantView.concept(concept), List.of(), List.of()))
          .switchIfEmpty(
              Mono.error(
                  () ->
                      Callers.problem(
                          HttpStatus.NOT_FOUND, "UNKNOWN_GRANT", "No grant " + id + ".")));
    }
    return Mono.just(
        new GrantDetail(
            GrantView.of(current, grant, moment),
            current.chainOf(id).stream().map(g -> GrantView.of(current, g, moment)).toList(),
            current.subGrantsOf(id).stream()
                .map(sub -> GrantView.of(current, current.grants().get(sub), moment))
                .toList()));
  }

  static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
