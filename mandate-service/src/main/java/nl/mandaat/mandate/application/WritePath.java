package nl.mandaat.mandate.application;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.application.port.RegisterWrites;
import reactor.core.publisher.Mono;

/**
 * What every write of the register goes through: the live register it is validated against, the
 * one-at-a-time writer, the catch-up with the other instances, the store, the chain of events and
 * the clock. One object, so that the write use cases are wired alike and a new one by the same
 * parts.
 */
public record WritePath(
    LiveRegister register,
    SerialWrites writes,
    CatchUp catchUp,
    RegisterWrites store,
    RegisterEvents events,
    Clock clock) {

  public WritePath {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(writes, "writes");
    Objects.requireNonNull(catchUp, "catchUp");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs {@code attempt} one write at a time; when another instance wrote first (empty), catches up
   * and tries again until it is stored or refused.
   */
  <T> Mono<T> write(Supplier<Mono<Optional<T>>> attempt) {
    return writes.submit(catchUp.untilStored(attempt));
  }
}
