package nl.mandaat.support.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Register;

/** Stub owners serving a register's two halves, as org-service and mandate-service would. */
public final class RegisterOwners {

  private RegisterOwners() {}

  /** org-service's part of {@code register}: bodies, units, positions, persons, assignments. */
  public static StubOwner organisation(Register register, Duration heartbeat) {
    return StubOwner.serving(
        Map.of(
            "bodies", List.copyOf(register.bodies().values()),
            "units", List.copyOf(register.units().values()),
            "positions", List.copyOf(register.positions().values()),
            "persons", List.copyOf(register.persons().values()),
            "assignments", register.assignments(),
            "substitutions", register.substitutions()),
        heartbeat);
  }

  /** mandate-service's part of {@code register}: the catalogue, grants and revocations. */
  public static StubOwner mandates(Register register, Duration heartbeat) {
    return StubOwner.serving(
        Map.of(
            "decisionTypes", List.copyOf(register.decisionTypes().values()),
            "grants", List.copyOf(register.grants().values()),
            "revocations", List.copyOf(register.revocations().values())),
        heartbeat);
  }
}
