package nl.mandaat.mandate.adapter.in.web;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every open event stream when the service stops, before the web server's graceful shutdown
 * would otherwise wait for them (a stream never ends by itself); consumers resume elsewhere with
 * {@code Last-Event-ID}.
 */
@Component
class OpenStreams implements SmartLifecycle {

  private final Sinks.Empty<Void> stopping = Sinks.empty();
  private volatile boolean running;

  /** Completes when the service begins to stop. */
  Mono<Void> stopping() {
    return stopping.asMono();
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    stopping.tryEmitEmpty();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
