package nl.mandaat.mandate.adapter.out.r2dbc;

import static nl.mandaat.mandate.adapter.out.r2dbc.R2dbcGrants.nullable;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.port.RegisterWrites;
import nl.mandaat.mandate.domain.RecordedEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each write is one statement, so one round trip and atomic by itself: the event goes into the
 * outbox under its sequence unless that sequence is taken ({@code on conflict do nothing}), the
 * change is stored only from the event's returned row, and the NOTIFY is sent from that same row
 * (PostgreSQL delivers it at commit). The outbox's primary key on the sequence is what keeps the
 * chain gap-free and unforked across instances: of two writers that validated against the same
 * head, the second stores nothing and is told so.
 */
@Repository
class R2dbcRegisterWrites implements RegisterWrites {

  private static final String EVENT =
      "insert into outbox_event (sequence, type, recorded_at, actor, payload, prev_hash, hash)"
          + " values (:sequence, :type, :eventAt, :actor, :payload, :prevHash, :hash)"
          + " on conflict do nothing returning sequence";

  private static final String NOTIFY =
      " select sequence, pg_notify('" + R2dbcRegisterEvents.CHANNEL + "', sequence::text) from e";

  private static final String RECORD_GRANT =
      "with e as ("
          + EVENT
          + "), g as (insert into grant_record ("
          + GrantRow.COLUMNS
          + ", publication_ref, recorded_by, sequence, concept) select "
          + GrantRow.PARAMETERS
          + ", :publicationRef, :recordedBy, e.sequence, false from e)"
          + NOTIFY;

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
  public Mono<Boolean> recordGrant(
      RecordedEvent event, Grant grant, String recordedBy, String publicationRef) {
    GenericExecuteSpec spec = event(database.sql(RECORD_GRANT), event);
    spec = R2dbcGrants.bind(spec, GrantRow.of(grant)).bind("recordedBy", recordedBy);
    spec = nullable(spec, "publicationRef", publicationRef, String.class);
    return stored(spec);
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
      List<RecordedEvent> events, List<Grant> grants, String recordedBy) {
    if (events.size() != grants.size()) {
      throw new IllegalArgumentException("one event per grant");
    }
    return Flux.range(0, events.size())
        .concatMap(
            i ->
                recordGrant(events.get(i), grants.get(i), recordedBy, null)
                    .flatMap(
                        stored ->
                            stored ? Mono.just(true) : Mono.<Boolean>error(new SequenceTaken())))
        .then(Mono.just(true))
        .as(operator::transactional)
        .onErrorResume(SequenceTaken.class, e -> Mono.just(false));
  }

  private static GenericExecuteSpec event(GenericExecuteSpec spec, RecordedEvent event) {
    return spec.bind("sequence", event.sequence())
        .bind("type", event.type())
        .bind("eventAt", OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC))
        .bind("actor", event.actor())
        .bind("payload", event.payload())
        .bind("prevHash", event.prevHash())
        .bind("hash", event.hash());
  }

  private static Mono<Boolean> stored(GenericExecuteSpec spec) {
    return spec.map((row, meta) -> Boolean.TRUE).all().count().map(rows -> rows > 0);
  }
}
