package nl.mandaat.mandate.adapter.out.r2dbc;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import nl.mandaat.mandate.application.port.EventNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * LISTENs on the outbox channel on one connection of its own, reconnecting with backoff, and passes
 * each committed sequence to every stream reader.
 */
@Component
class PostgresEventNotifications implements EventNotifications, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PostgresEventNotifications.class);

  private final Sinks.Many<Long> committed = Sinks.many().multicast().directBestEffort();
  private final Disposable listening;

  PostgresEventNotifications(ConnectionFactory connections) {
    this.listening =
        Flux.usingWhen(
                Mono.from(connections.create()),
                connection ->
                    Mono.from(
                            connection
                                .createStatement("LISTEN " + R2dbcRegisterEvents.CHANNEL)
                                .execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated()))
                        .thenMany(postgres(connection).getNotifications()),
                connection -> Mono.from(connection.close()))
            .map(notification -> Long.parseLong(notification.getParameter()))
            .doOnError(e -> log.warn("Listening for register events failed: {}", e.toString()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                    .maxBackoff(Duration.ofSeconds(5)))
            .subscribe(
                sequence ->
                    committed.emitNext(
                        sequence, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50))));
  }

  private static PostgresqlConnection postgres(Connection connection) {
    Object c = connection;
    while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
      c = wrapped.unwrap();
    }
    return (PostgresqlConnection) c;
  }

  @Override
  public Flux<Long> committed() {
    return committed.asFlux();
  }

  @Override
  public void destroy() {
    listening.dispose();
  }
}
