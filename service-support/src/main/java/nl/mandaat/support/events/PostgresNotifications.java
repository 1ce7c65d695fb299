package nl.mandaat.support.events;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * {@code LISTEN}s on one PostgreSQL channel, on one connection held for as long as it runs, and
 * passes each notification on as the sequence it carries; reconnects with backoff when the
 * connection is lost. Register it as a bean so that it starts and stops with the context.
 * Thread-safe.
 */
public final class PostgresNotifications implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

  private final Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
  private final ConnectionFactory connections;
  private final String channel;
  private volatile Disposable listening;

  /**
   * @param connections where the listening connection comes from (a pool's or {@link
   *     #ownConnections(Environment)})
   * @param channel a PostgreSQL identifier, used verbatim in {@code LISTEN}
   */
  public PostgresNotifications(ConnectionFactory connections, String channel) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  /**
   * Connections from {@code spring.r2dbc.url}, {@code .username} and {@code .password} outside the
   * pool, so that listening never takes a connection away from queries.
   */
  public static ConnectionFactory ownConnections(Environment environment) {
    ConnectionFactoryOptions.Builder builder =
        ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url"))
            .mutate();
    String username = environment.getProperty("spring.r2dbc.username");
    String password = environment.getProperty("spring.r2dbc.password");
    if (username != null) {
      builder.option(ConnectionFactoryOptions.USER, username);
    }
    if (password != null) {
      builder.option(ConnectionFactoryOptions.PASSWORD, password);
    }
    return ConnectionFactories.get(builder.build());
  }

  /** The channel listened on. */
  public String channel() {
    return channel;
  }

  /**
   * The sequence of each notification (-1 when its payload is not a number); hot, never completes,
   * and a subscriber sees only what arrives after it subscribed.
   */
  public Flux<Long> sequences() {
    return sink.asFlux();
  }

  @Override
  public void start() {
    listening =
        Flux.usingWhen(
                Mono.from(connections.create()),
                connection ->
                    Mono.from(connection.createStatement("LISTEN " + channel).execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated()))
                        .thenMany(postgres(connection).getNotifications()),
                connection -> Mono.from(connection.close()))
            .map(notification -> parse(notification.getParameter()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(10))
                    .doBeforeRetry(
                        retry ->
                            log.warn("Listening on {} failed, retrying", channel, retry.failure())))
            .subscribe(
                sequence ->
                    sink.emitNext(
                        sequence, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50))),
                failure -> log.error("Listening on {} ended", channel, failure));
  }

  private static PostgresqlConnection postgres(Connection connection) {
    // A pool hands out a wrapper; LISTEN needs the driver's connection underneath.
    Object c = connection;
    while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
      c = wrapped.unwrap();
    }
    return (PostgresqlConnection) c;
  }

  private static long parse(String parameter) {
    try {
      return parameter == null ? -1 : Long.parseLong(parameter);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void stop() {
    Disposable current = listening;
    if (current != null) {
      current.dispose();
    }
    listening = null;
  }

  @Override
  public boolean isRunning() {
    return listening != null;
  }
}
