package nl.mandaat.mandate.application.port;

import java.util.List;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.domain.ExpiryNotice;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;

/**
 * Stores a register change together with its event, all or nothing, as the event right after the
 * head the caller validated against. Each answers {@code false}, storing nothing, when that
 * sequence was taken meanwhile (by another instance): the caller catches up and validates again.
 */
public interface RegisterWrites {

  /** A concept turned into a recorded grant, with its event, in one transaction. */
  Mono<Boolean> adoptConcept(RecordedEvent event, Grant grant, String recordedBy);

  /** A revocation and its {@code GrantRevoked} event, in one statement. */
  Mono<Boolean> revoke(RecordedEvent event, Revocation revocation, String revokedBy);

  /**
   * Grants with one event each (consecutive sequences), all or none: one statement for a batch of
   * up to a few hundred, one transaction beyond.
   *
   * @param recordedBy per grant, who recorded it
   * @param publicationRefs per grant, where its decision was published (elements may be null)
   */
  Mono<Boolean> recordGrants(
      List<RecordedEvent> events,
      List<Grant> grants,
      List<String> recordedBy,
      List<String> publicationRefs);

  /**
   * Expiry notices with one {@code ExpiryNoticeDue} event each (consecutive sequences), all or
   * none, in one statement. Answers {@code false} too, storing nothing, when one of them was issued
   * already (by another instance): never two for the same grant, end date and period.
   */
  Mono<Boolean> recordNotices(List<RecordedEvent> events, List<ExpiryNotice> notices);
}
