package nl.mandaat.org.application;

import java.util.List;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.org.domain.OrganisationRules;
import reactor.core.publisher.Mono;

/** Records an administrative body. */
public final class RecordBody {

  private final Organisation org;

  public RecordBody(Organisation org) {
    this.org = org;
  }

  public Mono<Recorded<AdministrativeBody>> record(AdministrativeBody body, String actor) {
    return org.write(apply(body, actor));
  }

  Mono<Recorded<AdministrativeBody>> apply(AdministrativeBody body, String actor) {
    return org.bodies()
        .byCode(body.code())
        .hasElement()
        .flatMap(
            taken -> {
              var verdict = OrganisationRules.codeIsFree(body.code(), taken);
              if (!verdict.isAccepted()) {
                return Mono.error(new RejectedChange(verdict));
              }
              return org.bodies()
                  .insert(body)
                  .then(org.events().append(Payloads.BODY_RECORDED, actor, Payloads.of(body)))
                  .map(revision -> new Recorded<>(body, revision, List.of()));
            });
  }
}
