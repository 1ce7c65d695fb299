package nl.mandaat.gateway.application.port;

import java.time.Duration;
import nl.mandaat.core.RegisterSnapshot;
import reactor.core.publisher.Mono;

/** The register replica the gateway answers from. */
public interface Registers {

  /** The snapshot to answer from now; {@link RegisterSnapshot#unavailable()} when stale. */
  RegisterSnapshot current();

  /** The snapshot at {@code minRevision} or later within {@code maxWait}; empty otherwise. */
  Mono<RegisterSnapshot> atLeast(long minRevision, Duration maxWait);
}
