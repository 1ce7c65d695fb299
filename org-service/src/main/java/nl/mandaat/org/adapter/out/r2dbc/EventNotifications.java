package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import nl.mandaat.support.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Listens on the schema's channel with a connection of its own (outside the pool) and turns each
 * notification into a wake-up for the event streams. A poll every few seconds covers a lost
 * connection until the listener is back.
 */
@Component
class EventNotifications implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);
  private static final Duration DEFAULT_POLL = Duration.ofSeconds(5);

  private final Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
  private final String channel;
  private final Duration poll;
  private final ConnectionFactory connections;
  private volatile Disposable listening;

  EventNotifications(DatabaseProperties database, Environment environment) {
    this.channel = database.schema() + "_events";
    this.poll =
        environment.getProperty("mandaat.org.events.poll-interval", Duration.class, DEFAULT_POLL);
    ConnectionFactoryOptions options =
        ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url"));
    ConnectionFactoryOptions.Builder builder = options.mutate();
    String username = environment.getProperty("spring.r2dbc.username");
    String password = environment.getProperty("spring.r2dbc.password");
    if (username != null) {
      builder.option(ConnectionFactoryOptions.USER, username);
    }
    if (password != null) {
      builder.option(ConnectionFactoryOptions.PASSWORD, password);
    }
    this.connections = ConnectionFactories.get(builder.build());
  }

  /** The channel every append notifies. */
  String channel() {
    return channel;
  }

  /** Wake-ups: the committed sequence from a notification, or -1 from the poll. */
  Flux<Long> wakes() {
    return Flux.merge(sink.asFlux(), Flux.interval(poll, poll).map(tick -> -1L));
  }

  @Override
  public void start() {
    listening =
        Mono.from(connections.create())
            .flatMapMany(
                connection -> {
                  PostgresqlConnection postgres = (PostgresqlConnection) connection;
                  return postgres
                      .createStatement("LISTEN " + channel)
                      .execute()
                      .flatMap(result -> result.getRowsUpdated())
                      .thenMany(postgres.getNotifications())
                      .doFinally(signal -> Mono.from(connection.close()).subscribe());
                })
            .map(notification -> parse(notification.getParameter()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(10))
                    .doBeforeRetry(
                        retry ->
                            log.warn("Listening on {} failed, retrying", channel, retry.failure())))
            .subscribe(
                sink::tryEmitNext, failure -> log.error("Listening on {} ended", channel, failure));
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
