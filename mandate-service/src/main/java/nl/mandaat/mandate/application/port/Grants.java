package nl.mandaat.mandate.application.port;

import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Grants and their revocations as stored. */
public interface Grants {

  /** Every grant in force or past, in recording order; concepts are not part of the register. */
  Flux<Grant> all();

  /** Every direct revocation. */
  Flux<Revocation> revocations();

  /** The grants recorded by events up to {@code sequence}, in recording order. */
  Flux<Grant> upTo(long sequence);

  /** The direct revocations recorded by events up to {@code sequence}. */
  Flux<Revocation> revocationsUpTo(long sequence);

  Mono<Void> insert(Grant grant, String recordedBy, String publicationRef, long sequence);

  /** Stores a concept: a grant not yet adopted, outside the register and its revisions. */
  Mono<Void> insertConcept(Grant grant, String recordedBy, String publicationRef);

  /** The concept with this id; empty when there is none (or it was adopted). */
  Mono<Grant> concept(String id);

  /** Turns the concept into a recorded grant, recorded at {@code grant.recordedAt()}. */
  Mono<Void> adopt(Grant grant, String recordedBy, long sequence);

  Mono<Void> revoke(Revocation revocation, String revokedBy, long sequence);
}
