package nl.mandaat.mandate.adapter.out.r2dbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.EventChain;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.IssueExpiryNotices;
import nl.mandaat.mandate.application.port.RegisterEvents;
import nl.mandaat.mandate.domain.CommittedChange;
import nl.mandaat.mandate.domain.RecordedEvent;
import nl.mandaat.support.events.PayloadJson;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcRegisterEvents implements RegisterEvents {

  /** The channel stream readers LISTEN on; the notification carries the sequence. */
  static final String CHANNEL = "mandate_events";

  /** The events that make a revision: all but those that change nothing in the register. */
  private static final String CHANGES = "type <> '" + IssueExpiryNotices.EVENT + "'";

  private final DatabaseClient database;

  R2dbcRegisterEvents(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Long> revision() {
    return database
        .sql("select coalesce(max(sequence), 0) as revision from outbox_event where " + CHANGES)
        .map(row -> row.get("revision", Long.class))
        .one();
  }

  @Override
  public Mono<RecordedEvent> append(String type, Instant recordedAt, String actor, Object payload) {
    Instant at = EventChain.storable(recordedAt);
    String json = PayloadJson.write(payload);
    return database
        .sql("select sequence, hash from outbox_event order by sequence desc limit 1")
        .map(row -> new Object[] {row.get("sequence", Long.class), row.get("hash", String.class)})
        .one()
        .defaultIfEmpty(new Object[] {0L, EventChain.GENESIS})
        .flatMap(
            last -> {
              long sequence = (Long) last[0] + 1;
              String prevHash = (String) last[1];
              String hash = EventChain.hash(prevHash, sequence, type, at, actor, json);
              RecordedEvent event =
                  new RecordedEvent(sequence, type, at, actor, json, prevHash, hash);
              return database
                  .sql(
                      "insert into outbox_event (sequence, type, recorded_at, actor, payload,"
                          + " prev_hash, hash) values (:sequence, :type, :recordedAt, :actor,"
                          + " :payload, :prevHash, :hash)")
                  .bind("sequence", sequence)
                  .bind("type", type)
                  .bind("recordedAt", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                  .bind("actor", actor)
                  .bind("payload", json)
                  .bind("prevHash", prevHash)
                  .bind("hash", hash)
                  .then()
                  .then(
                      database
                          .sql("select pg_notify('" + CHANNEL + "', :sequence)")
                          .bind("sequence", Long.toString(sequence))
                          .then())
                  .thenReturn(event);
            });
  }

  @Override
  public RecordedEvent next(
      long sequence,
      String prevHash,
      String type,
      Instant recordedAt,
      String actor,
      Object payload) {
    Instant at = EventChain.storable(recordedAt);
    String json = PayloadJson.write(payload);
    String hash = EventChain.hash(prevHash, sequence, type, at, actor, json);
    return new RecordedEvent(sequence, type, at, actor, json, prevHash, hash);
  }

  @Override
  public Mono<RecordedEvent> last() {
    return database
        .sql("select " + EventRow.COLUMNS + " from outbox_event order by sequence desc limit 1")
        .map(EventRow::from)
        .one()
        .map(EventRow::toEvent);
  }

  @Override
  public Flux<CommittedChange> changesAfter(long after) {
    return after(after).map(e -> new CommittedChange(e, change(e)));
  }

  /**
   * The mandate-core record an event's payload describes (docs/events.md); null for an event that
   * changes nothing in the register.
   *
   * @throws IllegalStateException for a type this instance does not know (written by a newer one):
   *     validating writes against a register that misses a change would be worse than failing
   */
  static Object change(RecordedEvent e) {
    return switch (e.type()) {
      case "GrantRecorded" -> PayloadJson.read(e.payload(), Grant.class);
      case "GrantRevoked" -> PayloadJson.read(e.payload(), Revocation.class);
      case "DecisionTypeRecorded" -> PayloadJson.read(e.payload(), DecisionType.class);
      case IssueExpiryNotices.EVENT -> null;
      default ->
          throw new IllegalStateException(
              "event "
                  + e.sequence()
                  + " has type "
                  + e.type()
                  + ", which this instance cannot apply");
    };
  }

  @Override
  public Flux<RecordedEvent> after(long after) {
    return database
        .sql(
            "select "
                + EventRow.COLUMNS
                + " from outbox_event where sequence > :after order by sequence")
        .bind("after", after)
        .map(EventRow::from)
        .all()
        .map(EventRow::toEvent);
  }

  @Override
  public Mono<Long> revisionAt(Instant moment) {
    return database
        .sql(
            "select coalesce(max(sequence), 0) as revision from outbox_event"
                + " where recorded_at <= :moment and "
                + CHANGES)
        .bind("moment", OffsetDateTime.ofInstant(moment, ZoneOffset.UTC))
        .map(row -> row.get("revision", Long.class))
        .one();
  }

  @Override
  public Mono<Long> revisionUpTo(long sequence) {
    return database
        .sql(
            "select coalesce(max(sequence), 0) as revision from outbox_event"
                + " where sequence <= :sequence and "
                + CHANGES)
        .bind("sequence", sequence)
        .map(row -> row.get("revision", Long.class))
        .one();
  }
}
