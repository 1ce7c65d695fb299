package nl.mandaat.mandate.adapter.out.r2dbc;

import static nl.mandaat.mandate.adapter.out.r2dbc.R2dbcGrants.nullable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.port.RegisterWrites;
import nl.mandaat.mandate.domain.ExpiryNotice;
import nl.mandaat.mandate.domain.RecordedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each write is one statement, so one round trip and atomic by itself: the events go into the
 * outbox under their sequences, the changes beside them, and the NOTIFYs are sent from the events'
 * returned rows (PostgreSQL delivers them at commit). The outbox's primary key on the sequence is
 * what keeps the chain gap-free and unforked across instances: of two writers that validated
 * against the same head, the second stores nothing (a revocation or adoption by {@code on conflict
 * do nothing} and the missing returned row, a batch of grants by the unique violation that undoes
 * its whole statement) and is told so.
 */
@Repository
class R2dbcRegisterWrites implements RegisterWrites {

  private static final String EVENT =
      "insert into outbox_event (sequence, type, recorded_at, actor, payload, prev_hash, hash)"
          + " values (:sequence, :type, :eventAt, :actor, :payload, :prevHash, :hash)"
          + " on conflict do nothing returning sequence";

  private static final String NOTIFY =
      " select sequence, pg_notify('" + R2dbcRegisterEvents.CHANNEL + "', sequence::text) from e";

  private static final String ADOPT_CONCEPT =
      "with e as (insert into outbox_event (sequence, type, recorded_at, actor, payload, prev_hash,"
          + " hash) select :sequence, :type, :eventAt, :actor, :payload, :prevHash, :hash"
          + " where exists (select 1 from grant_record where id = :id and concept)"
          + " on conflict do nothing returning sequence),"
          + " g as (update grant_record set concept = false, recorded_at = :recordedAt,"
          + " recorded_by = :recordedBy, sequence = e.sequence from e where id = :id and concept)"
          + NOTIFY;

  private static final String REVOKE =
      "with e as ("
          + EVENT
          + "), r as (insert into revocation (grant_id, revoked_at, reason, decision_ref,"
          + " revoked_by, sequence) select :grantId, :revokedAt, :reason, :decisionRef,"
          + " :revokedBy, e.sequence from e)"
          + NOTIFY;

  private static final Pattern SEQUENCE_TAKEN = Pattern.compile("outbox_event_pkey");

  private static final Pattern SEQUENCE_OR_NOTICE_TAKEN =
      Pattern.compile("outbox_event_pkey|outbox_event_hash_key|expiry_notice_pkey");

  /** Rolls back an import whose first sequence was taken. */
  private static final class SequenceTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SequenceTaken() {
      super(null, null, false, false);
    }
  }

  private final DatabaseClient database;
  private final TransactionalOperator operator;

  R2dbcRegisterWrites(DatabaseClient database, ReactiveTransactionManager transactions) {
    this.database = database;
    this.operator = TransactionalOperator.create(transactions);
  }

  @Override
  public Mono<Boolean> adoptConcept(RecordedEvent event, Grant grant, String recordedBy) {
    GenericExecuteSpec spec =
        event(database.sql(ADOPT_CONCEPT), event)
            .bind("id", grant.id())
            .bind("recordedAt", GrantRow.of(grant).recordedAt())
            .bind("recordedBy", recordedBy);
    return stored(spec);
  }

  @Override
  public Mono<Boolean> revoke(RecordedEvent event, Revocation revocation, String revokedBy) {
    GenericExecuteSpec spec =
        event(database.sql(REVOKE), event)
            .bind("grantId", revocation.grantId())
            .bind("revokedAt", OffsetDateTime.ofInstant(revocation.revokedAt(), ZoneOffset.UTC))
            .bind("revokedBy", revokedBy);
    spec = nullable(spec, "reason", revocation.reason(), String.class);
    spec = nullable(spec, "decisionRef", revocation.decisionRef(), String.class);
    return stored(spec);
  }

  @Override
  public Mono<Boolean> recordGrants(
      List<RecordedEvent> events,
      List<Grant> grants,
      List<String> recordedBy,
      List<String> publicationRefs) {
    if (events.size() != grants.size()
        || recordedBy.size() != grants.size()
        || publicationRefs.size() != grants.size()) {
      throw new IllegalArgumentException("one event, recorder and reference per grant");
    }
    if (grants.isEmpty()) {
      return Mono.just(true);
    }
    if (grants.size() <= BATCH) {
      return batch(events, grants, recordedBy, publicationRefs);
    }
    // Beyond one statement's parameters: batches in one transaction, all or nothing.
    return Flux.range(0, (grants.size() + BATCH - 1) / BATCH)
        .concatMap(
            b -> {
              int from = b * BATCH;
              int to = Math.min(grants.size(), from + BATCH);
              return batch(
                      events.subList(from, to),
                      grants.subList(from, to),
                      recordedBy.subList(from, to),
                      publicationRefs.subList(from, to))
                  .flatMap(
                      stored ->
                          stored ? Mono.just(true) : Mono.<Boolean>error(new SequenceTaken()));
            })
        .then(Mono.just(true))
        .as(operator::transactional)
        .onErrorResume(SequenceTaken.class, e -> Mono.just(false));
  }

  /** The most grants one statement stores (about 30 parameters each, 65,535 at most). */
  static final int BATCH = 500;

  /**
   * One statement: every event and every grant, or (when an event's sequence is taken, a unique
   * violation that undoes the whole statement) nothing.
   */
  private Mono<Boolean> batch(
      List<RecordedEvent> events,
      List<Grant> grants,
      List<String> recordedBy,
      List<String> publicationRefs) {
    StringBuilder sql =
        new StringBuilder(
            "with e as (insert into outbox_event (sequence, type, recorded_at, actor, payload,"
                + " prev_hash, hash) values ");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(suffixed(":sequence, :type, :eventAt, :actor, :payload, :prevHash, :hash", i));
    }
    sql.append(" returning sequence), g as (insert into grant_record (")
        .append(GrantRow.COLUMNS)
        .append(", publication_ref, recorded_by, sequence, concept) values ");
    for (int i = 0; i < grants.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(
              suffixed(
                  "("
                      + GrantRow.PARAMETERS
                      + ", :publicationRef, :recordedBy,"
                      + " :sequence, false)",
                  i));
    }
    sql.append(")").append(NOTIFY);
    GenericExecuteSpec spec = database.sql(sql.toString());
    for (int i = 0; i < grants.size(); i++) {
      spec = event(spec, events.get(i), "_" + i);
      spec = R2dbcGrants.bind(spec, GrantRow.of(grants.get(i)), "_" + i);
      spec = spec.bind("recordedBy_" + i, recordedBy.get(i));
      spec = nullable(spec, "publicationRef_" + i, publicationRefs.get(i), String.class);
    }
    return storedAll(spec, grants.size(), SEQUENCE_TAKEN);
  }

  @Override
  public Mono<Boolean> recordNotices(List<RecordedEvent> events, List<ExpiryNotice> notices) {
    if (events.size() != notices.size()) {
      throw new IllegalArgumentException("one event per notice");
    }
    if (notices.isEmpty()) {
      return Mono.just(true);
    }
    StringBuilder sql =
        new StringBuilder(
            "with e as (insert into outbox_event (sequence, type, recorded_at, actor, payload,"
                + " prev_hash, hash) values ");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append(suffixed(":sequence, :type, :eventAt, :actor, :payload, :prevHash, :hash", i));
    }
    sql.append(" returning sequence), n as (insert into expiry_notice (grant_id, valid_to, notice,")
        .append(" sequence) values ");
    for (int i = 0; i < notices.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(suffixed(":grantId, :validTo, :notice, :sequence", i));
    }
    sql.append(")").append(NOTIFY);
    GenericExecuteSpec spec = database.sql(sql.toString());
    for (int i = 0; i < notices.size(); i++) {
      ExpiryNotice notice = notices.get(i);
      spec =
          event(spec, events.get(i), "_" + i)
              .bind("grantId_" + i, notice.grantId())
              .bind("validTo_" + i, notice.validTo())
              .bind("notice_" + i, notice.notice());
    }
    // The sequence taken by another instance's write (two instances issuing the same notices at
    // the same microsecond even write the same hash), or, which the chain alone already rules out,
    // the notice itself issued by another instance: the statement stored nothing.
    return storedAll(spec, notices.size(), SEQUENCE_OR_NOTICE_TAKEN);
  }

  /**
   * Runs a statement that stores {@code expected} rows: true when it did, false when a key matching
   * {@code taken} was already there (another write came first, and nothing was stored).
   */
  private static Mono<Boolean> storedAll(GenericExecuteSpec spec, int expected, Pattern taken) {
    return spec.map((row, meta) -> Boolean.TRUE)
        .all()
        .count()
        .map(rows -> rows == expected)
        .onErrorResume(
            DuplicateKeyException.class,
            e ->
                taken.matcher(String.valueOf(e.getMessage())).find()
                    ? Mono.just(false)
                    : Mono.error(e));
  }

  /** {@code :name} becomes {@code :name_i} throughout, and a bare list gets its parentheses. */
  private static String suffixed(String parameters, int i) {
    String s = parameters.replaceAll(":([A-Za-z]+)", ":$1_" + i);
    return s.startsWith("(") ? s : "(" + s + ")";
  }

  private static GenericExecuteSpec event(GenericExecuteSpec spec, RecordedEvent event) {
    return event(spec, event, "");
  }

  private static GenericExecuteSpec event(
      GenericExecuteSpec spec, RecordedEvent event, String suffix) {
    return spec.bind("sequence" + suffix, event.sequence())
        .bind("type" + suffix, event.type())
        .bind("eventAt" + suffix, OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC))
        .bind("actor" + suffix, event.actor())
        .bind("payload" + suffix, event.payload())
        .bind("prevHash" + suffix, event.prevHash())
        .bind("hash" + suffix, event.hash());
  }

  private static Mono<Boolean> stored(GenericExecuteSpec spec) {
    return spec.map((row, meta) -> Boolean.TRUE).all().count().map(rows -> rows > 0);
  }
}
