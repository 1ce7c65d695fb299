package nl.mandaat.mandate.application.port;

import java.util.Collection;
import nl.mandaat.mandate.domain.ExpiryNotice;
import reactor.core.publisher.Flux;

/** The expiry notices issued so far, each once per grant, end date and period. */
public interface ExpiryNotices {

  /** The notices issued for any of {@code grantIds}. */
  Flux<ExpiryNotice.Key> issuedFor(Collection<String> grantIds);
}
