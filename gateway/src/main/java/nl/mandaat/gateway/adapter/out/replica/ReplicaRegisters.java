package nl.mandaat.gateway.adapter.out.replica;

import java.time.Duration;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.gateway.application.port.Registers;
import nl.mandaat.support.replica.RegisterReplica;
import reactor.core.publisher.Mono;

/** The gateway's registers: its own replica of org- and mandate-service's streams. */
public final class ReplicaRegisters implements Registers {

  private final RegisterReplica replica;

  public ReplicaRegisters(RegisterReplica replica) {
    this.replica = replica;
  }

  @Override
  public RegisterSnapshot current() {
    return replica.current();
  }

  @Override
  public Mono<RegisterSnapshot> atLeast(long minRevision, Duration maxWait) {
    return replica.atLeast(minRevision, maxWait);
  }
}
