package nl.mandaat.gateway.adapter.out.r2dbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's browser sessions in PostgreSQL (table {@code web_session}), so that every replica
 * knows every session (ARCHITECTURE.md, "Scale-out": the services are stateless).
 *
 * <p>A session's attributes (Spring Security's context with the OIDC user, the authorized client
 * with its tokens, the CSRF token, the page to return to) are stored with Java serialization, as
 * Spring Session's JDBC store does: all of them are {@code Serializable}, and the table is the
 * gateway's own. A changed session id (a login renews it against fixation) replaces the row under
 * the old id. An expired session is never answered, and a sweep deletes them every minute.
 */
public final class R2dbcWebSessions
    implements ReactiveSessionRepository<MapSession>, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(R2dbcWebSessions.class);
  private static final Duration SWEEP = Duration.ofMinutes(1);

  private static final String UPSERT =
      "insert into web_session (id, created_at, last_accessed_at, max_inactive_seconds,"
          + " expires_at, attributes) values ($1, $2, $3, $4, $5, $6)"
          + " on conflict (id) do update set last_accessed_at = excluded.last_accessed_at,"
          + " max_inactive_seconds = excluded.max_inactive_seconds,"
          + " expires_at = excluded.expires_at, attributes = excluded.attributes";

  private final DatabaseClient database;
  private final Duration maxInactive;
  private final Clock clock;
  private final SerializingConverter serializer = new SerializingConverter();
  private final DeserializingConverter deserializer =
      new DeserializingConverter(R2dbcWebSessions.class.getClassLoader());
  private volatile Disposable sweeper;

  /**
   * @param maxInactive how long a session lives without a request
   */
  public R2dbcWebSessions(DatabaseClient database, Duration maxInactive, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.maxInactive = Objects.requireNonNull(maxInactive, "maxInactive");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<MapSession> createSession() {
    return Mono.fromSupplier(
        () -> {
          MapSession session = new MapSession();
          session.setCreationTime(clock.instant());
          session.setLastAccessedTime(session.getCreationTime());
          session.setMaxInactiveInterval(maxInactive);
          return session;
        });
  }

  @Override
  public Mono<Void> save(MapSession session) {
    Map<String, Object> attributes = new HashMap<>();
    for (String name : session.getAttributeNames()) {
      attributes.put(name, session.getAttribute(name));
    }
    byte[] stored = serializer.convert(attributes);
    Instant expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
    Mono<Void> renamed =
        session.getId().equals(session.getOriginalId())
            ? Mono.empty()
            : deleteById(session.getOriginalId());
    return renamed.then(
        database
            .sql(UPSERT)
            .bind("$1", session.getId())
            .bind("$2", utc(session.getCreationTime()))
            .bind("$3", utc(session.getLastAccessedTime()))
            .bind("$4", (int) session.getMaxInactiveInterval().toSeconds())
            .bind("$5", utc(expires))
            .bind("$6", stored)
            .fetch()
            .rowsUpdated()
            .then());
  }

  @Override
  public Mono<MapSession> findById(String id) {
    return database
        .sql(
            "select created_at, last_accessed_at, max_inactive_seconds, attributes"
                + " from web_session where id = $1 and expires_at > $2")
        .bind("$1", id)
        .bind("$2", utc(clock.instant()))
        .map(
            row -> {
              MapSession session = new MapSession(id);
              session.setCreationTime(row.get("created_at", OffsetDateTime.class).toInstant());
              session.setLastAccessedTime(
                  row.get("last_accessed_at", OffsetDateTime.class).toInstant());
              session.setMaxInactiveInterval(
                  Duration.ofSeconds(row.get("max_inactive_seconds", Integer.class)));
              @SuppressWarnings("unchecked")
              Map<String, Object> attributes =
                  (Map<String, Object>) deserializer.convert(row.get("attributes", byte[].class));
              attributes.forEach(session::setAttribute);
              return session;
            })
        .one();
  }

  @Override
  public Mono<Void> deleteById(String id) {
    return database.sql("delete from web_session where id = $1").bind("$1", id).then();
  }

  /** Deletes every expired session; answers how many. */
  public Mono<Long> deleteExpired() {
    return database
        .sql("delete from web_session where expires_at <= $1")
        .bind("$1", utc(clock.instant()))
        .fetch()
        .rowsUpdated();
  }

  @Override
  public void start() {
    sweeper =
        Flux.interval(SWEEP, Schedulers.single())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    deleteExpired()
                        .onErrorResume(
                            e -> {
                              log.warn("Expired sessions could not be deleted: {}", e.toString());
                              return Mono.just(0L);
                            }),
                1)
            .subscribe();
  }

  @Override
  public void stop() {
    if (sweeper != null) {
      sweeper.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return sweeper != null && !sweeper.isDisposed();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
