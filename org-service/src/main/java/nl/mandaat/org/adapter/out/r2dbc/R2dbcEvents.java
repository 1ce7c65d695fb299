package nl.mandaat.org.adapter.out.r2dbc;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.EventChain;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.StoredEvent;
import nl.mandaat.support.events.PostgresNotifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: one row per event, appended under a lock on the single head row so that sequences are
 * gap-free and the hash chain linear; a {@code NOTIFY} on commit wakes the streams.
 */
@Repository
class R2dbcEvents implements Events {

  /** RFC 3339 UTC with microseconds, the precision PostgreSQL keeps. */
  private static final long PAGE = 1000;

  private final DatabaseClient database;
  private final JsonMapper json;
  private final Clock clock;
  private final PostgresNotifications notifications;
  private final Duration poll;

  R2dbcEvents(
      DatabaseClient database,
      JsonMapper json,
      Clock clock,
      PostgresNotifications notifications,
      @Value("${mandaat.org.events.poll-interval:5s}") Duration poll) {
    this.database = database;
    this.json = json;
    this.clock = clock;
    this.notifications = notifications;
    this.poll = poll;
  }

  @Override
  public Mono<Void> lock() {
    return database.sql("select sequence from event_head where id = 1 for update").then();
  }

  @Override
  public Mono<Long> append(String type, String actor, Map<String, Object> payload) {
    String text = json.writeValueAsString(payload);
    String recordedAt = EventChain.format(clock.instant());
    return database
        .sql("select sequence, hash from event_head where id = 1 for update")
        .map(row -> new Head(row.get("sequence", Long.class), row.get("hash", String.class)))
        .one()
        .flatMap(
            head -> {
              long sequence = head.sequence() + 1;
              String hash = EventChain.hash(head.hash(), sequence, type, recordedAt, actor, text);
              return database
                  .sql(
                      "insert into events ("
                          + EventRow.COLUMNS
                          + ") values (:sequence, :type, :recordedAt, :actor, :payload, :prev,"
                          + " :hash)")
                  .bind("sequence", sequence)
                  .bind("type", type)
                  .bind("recordedAt", recordedAt)
                  .bind("actor", actor)
                  .bind("payload", text)
                  .bind("prev", head.hash())
                  .bind("hash", hash)
                  .then()
                  .then(
                      database
                          .sql(
                              "update event_head set sequence = :sequence, hash = :hash where id = 1")
                          .bind("sequence", sequence)
                          .bind("hash", hash)
                          .then())
                  // Delivered by PostgreSQL only when the transaction commits.
                  .then(
                      database
                          .sql("select pg_notify(:channel, :sequence)")
                          .bind("channel", notifications.channel())
                          .bind("sequence", Long.toString(sequence))
                          .then())
                  .thenReturn(sequence);
            });
  }

  @Override
  public Mono<Long> appendAll(String actor, List<NewEvent> events) {
    if (events.isEmpty()) {
      return head();
    }
    String recordedAt = EventChain.format(clock.instant());
    return database
        .sql("select sequence, hash from event_head where id = 1 for update")
        .map(row -> new Head(row.get("sequence", Long.class), row.get("hash", String.class)))
        .one()
        .flatMap(
            head -> {
              List<StoredEvent> chain = new ArrayList<>();
              String previous = head.hash();
              long sequence = head.sequence();
              for (NewEvent event : events) {
                sequence++;
                String text = json.writeValueAsString(event.payload());
                String hash =
                    EventChain.hash(previous, sequence, event.type(), recordedAt, actor, text);
                chain.add(
                    new StoredEvent(
                        sequence, event.type(), recordedAt, actor, text, previous, hash));
                previous = hash;
              }
              StoredEvent last = chain.get(chain.size() - 1);
              return Sql.insertAll(
                      database,
                      "insert into events (" + EventRow.COLUMNS + ")",
                      chain,
                      e ->
                          new Object[] {
                            e.sequence(),
                            e.type(),
                            e.recordedAt(),
                            e.actor(),
                            e.payload(),
                            e.prevHash(),
                            e.hash()
                          })
                  .then(
                      database
                          .sql(
                              "update event_head set sequence = :sequence, hash = :hash where id = 1")
                          .bind("sequence", last.sequence())
                          .bind("hash", last.hash())
                          .then())
                  .then(
                      database
                          .sql("select pg_notify(:channel, :sequence)")
                          .bind("channel", notifications.channel())
                          .bind("sequence", Long.toString(last.sequence()))
                          .then())
                  .thenReturn(last.sequence());
            });
  }

  @Override
  public Flux<StoredEvent> after(long sequence) {
    return database
        .sql(
            "select "
                + EventRow.COLUMNS
                + " from events where sequence > :after order by sequence limit :page")
        .bind("after", sequence)
        .bind("page", PAGE)
        .map(EventRow::read)
        .all()
        .map(EventRow::toDomain)
        .collectList()
        .flatMapMany(
            page ->
                page.size() < PAGE
                    ? Flux.fromIterable(page)
                    : Flux.fromIterable(page)
                        .concatWith(after(page.get(page.size() - 1).sequence())));
  }

  @Override
  public Mono<Long> head() {
    return database
        .sql("select sequence from event_head where id = 1")
        .map(row -> row.get("sequence", Long.class))
        .one();
  }

  @Override
  public Flux<Long> wakes() {
    // The poll covers a lost listening connection until it is back.
    return Flux.merge(notifications.sequences(), Flux.interval(poll, poll).map(tick -> -1L));
  }

  private record Head(long sequence, String hash) {}
}
