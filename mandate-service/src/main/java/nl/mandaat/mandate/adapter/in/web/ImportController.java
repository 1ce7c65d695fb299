package nl.mandaat.mandate.adapter.in.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Grant;
import nl.mandaat.mandate.adapter.in.web.GrantController.GrantRequest;
import nl.mandaat.mandate.application.ChangeRefused;
import nl.mandaat.mandate.application.ImportGrants;
import nl.mandaat.mandate.application.LiveRegister;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Imports grants of bodies (e.g. an existing mandaatbesluit) all or nothing. */
@RestController
class ImportController {

  record ImportRequest(List<GrantRequest> grants) {}

  record ImportResponse(long revision, List<String> imported) {}

  private final ImportGrants importGrants;
  private final LiveRegister register;

  ImportController(ImportGrants importGrants, LiveRegister register) {
    this.importGrants = importGrants;
    this.register = register;
  }

  /**
   * Items may carry their own {@code id}, so that a later item names an earlier one as its parent.
   * Sub-mandates are validated like any other write: the register administrator is not their
   * holder, so they are posted by the holder through {@code POST /api/v1/grants}.
   */
  @PostMapping("/api/v1/register/import")
  Mono<ImportResponse> importGrants(@RequestBody ImportRequest request, Principal principal) {
    Actor actor = Callers.actor(principal);
    if (!actor.registerAdministrator()) {
      return Mono.error(
          Callers.problem(
              HttpStatus.FORBIDDEN,
              "NOT_REGISTER_ADMINISTRATOR",
              "Only a register administrator imports grants."));
    }
    List<GrantRequest> items = GrantController.orEmpty(request.grants());
    Map<String, String> holders = new HashMap<>();
    List<Grant.Builder> proposals = new ArrayList<>();
    for (GrantRequest item : items) {
      String holder = item.holderPosition() != null ? item.holderPosition() : item.holder();
      if (item.kind() == null || item.validFrom() == null || holder == null) {
        return Mono.error(
            Callers.problem(
                HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST",
                "Every grant needs kind, validFrom and holderPosition."));
      }
      String id = item.id() != null ? item.id() : UUID.randomUUID().toString();
      String grantor = item.grantor();
      if (item.parentGrantId() != null) {
        Grant parent = register.current().grants().get(item.parentGrantId());
        grantor =
            parent != null ? parent.holder() : holders.getOrDefault(item.parentGrantId(), grantor);
      }
      proposals.add(
          GrantController.proposal(item, holder, grantor == null ? actor.username() : grantor)
              .id(id));
      holders.put(id, holder);
    }
    return importGrants
        .importAll(proposals, actor)
        .onErrorMap(ChangeRefused.class, Callers::refused)
        .map(written -> new ImportResponse(written.revision(), written.ids()));
  }
}
