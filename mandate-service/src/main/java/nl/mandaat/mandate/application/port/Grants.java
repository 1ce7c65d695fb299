package nl.mandaat.mandate.application.port;

import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Grants and their revocations as stored. */
public interface Grants {

  /** Every grant in recording order. */
  Flux<Grant> all();

  /** Every direct revocation. */
  Flux<Revocation> revocations();

  Mono<Void> insert(Grant grant, String recordedBy, String publicationRef, long sequence);

  Mono<Void> revoke(Revocation revocation, String revokedBy, long sequence);
}
