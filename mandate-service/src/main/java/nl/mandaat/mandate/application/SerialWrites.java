package nl.mandaat.mandate.application;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

/**
 * Runs register writes of this instance strictly one after the other, so that each validates
 * against the register with every earlier write applied. Thread-safe.
 */
public final class SerialWrites {

  private record Task<T>(Mono<T> work, MonoSink<T> sink) {
    Mono<Void> run() {
      return work.doOnNext(sink::success)
          .doOnError(sink::error)
          .doOnSuccess(
              value -> {
                if (value == null) {
                  sink.success();
                }
              })
          .onErrorResume(e -> Mono.empty())
          .then();
    }
  }

  private final Sinks.Many<Task<?>> tasks = Sinks.many().unicast().onBackpressureBuffer();

  public SerialWrites() {
    Flux<Task<?>> queue = tasks.asFlux();
    queue.concatMap(Task::run, 0).subscribe();
  }

  /** Runs {@code work} after every write submitted before it has finished. */
  public <T> Mono<T> submit(Mono<T> work) {
    return Mono.create(
        sink ->
            tasks.emitNext(
                new Task<>(work, sink),
                Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
  }
}
