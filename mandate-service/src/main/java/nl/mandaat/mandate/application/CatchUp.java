package nl.mandaat.mandate.application;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import nl.mandaat.mandate.application.port.RegisterEvents;
import reactor.core.publisher.Mono;

/**
 * Brings the live register up to the outbox: applies, in order, every event after its head,
 * whichever instance wrote it. A write uses it when its sequence was taken by another instance and
 * before it refuses a change (so that every verdict, yes or no, is against the whole register); the
 * service runs it whenever a NOTIFY announces an event it has not applied, so reads follow too.
 */
public final class CatchUp {

  /** How often a write validates again after losing its sequence before it gives up. */
  static final int ATTEMPTS = 50;

  private final LiveRegister register;
  private final RegisterEvents events;

  public CatchUp(LiveRegister register, RegisterEvents events) {
    this.register = Objects.requireNonNull(register, "register");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Applies every event after the live register's head; answers the sequence reached (of any event,
   * so beyond the revision when expiry notices came last).
   */
  public Mono<Long> run() {
    return Mono.defer(
        () ->
            events
                .changesAfter(register.head().sequence())
                .doOnNext(register::caughtUp)
                .then(Mono.fromSupplier(() -> register.head().sequence())));
  }

  /**
   * Runs {@code attempt}, which validates against the live register's head and stores its change as
   * the next event, answering empty when that sequence was taken; then catches up and runs it
   * again, so that whatever is stored was validated against the register right before it.
   */
  <T> Mono<T> untilStored(Supplier<Mono<Optional<T>>> attempt) {
    return untilStored(attempt, 1);
  }

  private <T> Mono<T> untilStored(Supplier<Mono<Optional<T>>> attempt, int n) {
    return Mono.defer(
        () -> {
          long validatedAt = register.head().sequence();
          return Mono.defer(attempt)
              // A refusal counts only against the whole register: when another instance committed
              // meanwhile, validate again with its events applied.
              .onErrorResume(
                  ChangeRefused.class,
                  refused ->
                      run()
                          .flatMap(
                              reached ->
                                  reached > validatedAt && n < ATTEMPTS
                                      ? untilStored(attempt, n + 1).map(Optional::of)
                                      : Mono.<Optional<T>>error(refused)))
              .flatMap(
                  stored -> {
                    if (stored.isPresent()) {
                      return Mono.just(stored.get());
                    }
                    if (n >= ATTEMPTS) {
                      return Mono.error(
                          new IllegalStateException(
                              "the register kept changing; gave up after " + n + " attempts"));
                    }
                    return run().then(untilStored(attempt, n + 1));
                  });
        });
  }
}
