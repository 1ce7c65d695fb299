package nl.mandaat.mandate.adapter.out.r2dbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Revocation;
import nl.mandaat.mandate.application.port.Grants;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcGrants implements Grants {

  private final DatabaseClient database;

  R2dbcGrants(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<Grant> all() {
    return database
        .sql(
            "select " + GrantRow.COLUMNS + " from grant_record where not concept order by sequence")
        .map(GrantRow::from)
        .all()
        .map(GrantRow::toGrant);
  }

  @Override
  public Flux<Revocation> revocations() {
    return database
        .sql("select grant_id, revoked_at, reason, decision_ref from revocation order by sequence")
        .map(
            row ->
                Revocation.of(
                    row.get("grant_id", String.class),
                    row.get("revoked_at", OffsetDateTime.class).toInstant(),
                    row.get("reason", String.class),
                    row.get("decision_ref", String.class)))
        .all();
  }

  @Override
  public Flux<Grant> upTo(long sequence) {
    return database
        .sql(
            "select "
                + GrantRow.COLUMNS
                + " from grant_record where not concept and sequence <= :sequence order by sequence")
        .bind("sequence", sequence)
        .map(GrantRow::from)
        .all()
        .map(GrantRow::toGrant);
  }

  @Override
  public Flux<Revocation> revocationsUpTo(long sequence) {
    return database
        .sql(
            "select grant_id, revoked_at, reason, decision_ref from revocation"
                + " where sequence <= :sequence order by sequence")
        .bind("sequence", sequence)
        .map(R2dbcGrants::revocation)
        .all();
  }

  static Revocation revocation(io.r2dbc.spi.Readable row) {
    return Revocation.of(
        row.get("grant_id", String.class),
        row.get("revoked_at", OffsetDateTime.class).toInstant(),
        row.get("reason", String.class),
        row.get("decision_ref", String.class));
  }

  @Override
  public Mono<Void> insert(Grant grant, String recordedBy, String publicationRef, long sequence) {
    return insert(grant, recordedBy, publicationRef, sequence, false);
  }

  @Override
  public Mono<Void> insertConcept(Grant grant, String recordedBy, String publicationRef) {
    return insert(grant, recordedBy, publicationRef, 0, true);
  }

  @Override
  public Mono<Grant> concept(String id) {
    return database
        .sql("select " + GrantRow.COLUMNS + " from grant_record where id = :id and concept")
        .bind("id", id)
        .map(GrantRow::from)
        .one()
        .map(GrantRow::toGrant);
  }

  @Override
  public Mono<Void> adopt(Grant grant, String recordedBy, long sequence) {
    return database
        .sql(
            "update grant_record set concept = false, recorded_at = :recordedAt,"
                + " recorded_by = :recordedBy, sequence = :sequence where id = :id and concept")
        .bind("recordedAt", GrantRow.of(grant).recordedAt())
        .bind("recordedBy", recordedBy)
        .bind("sequence", sequence)
        .bind("id", grant.id())
        .fetch()
        .rowsUpdated()
        .flatMap(
            updated ->
                updated == 1
                    ? Mono.<Void>empty()
                    : Mono.error(new IllegalStateException("no concept " + grant.id())));
  }

  private Mono<Void> insert(
      Grant grant, String recordedBy, String publicationRef, long sequence, boolean concept) {
    GenericExecuteSpec spec =
        database
            .sql(
                "insert into grant_record ("
                    + GrantRow.COLUMNS
                    + ", publication_ref, recorded_by, sequence, concept) values ("
                    + GrantRow.PARAMETERS
                    + ", :publicationRef, :recordedBy, :sequence, :concept)")
            .bind("recordedBy", recordedBy)
            .bind("sequence", sequence)
            .bind("concept", concept);
    spec = bind(spec, GrantRow.of(grant));
    spec = nullable(spec, "publicationRef", publicationRef, String.class);
    return spec.then();
  }

  /** Binds every column of {@link GrantRow#COLUMNS} to its {@link GrantRow#PARAMETERS} name. */
  static GenericExecuteSpec bind(GenericExecuteSpec spec, GrantRow row) {
    return bind(spec, row, "");
  }

  /** Like {@link #bind(GenericExecuteSpec, GrantRow)}, each parameter name with {@code suffix}. */
  static GenericExecuteSpec bind(GenericExecuteSpec spec, GrantRow row, String suffix) {
    spec =
        spec.bind("id" + suffix, row.id())
            .bind("kind" + suffix, row.kind())
            .bind("grantor" + suffix, row.grantor())
            .bind("holder" + suffix, row.holder())
            .bind("decisionTypes" + suffix, row.decisionTypes())
            .bind("orgUnits" + suffix, row.orgUnits())
            .bind("validFrom" + suffix, row.validFrom())
            .bind("conditions" + suffix, row.conditions())
            .bind("instructions" + suffix, row.instructions())
            .bind("coSigns" + suffix, row.coSigns())
            .bind("subMandateAllowed" + suffix, row.subMandateAllowed())
            .bind("excludesHigherPositions" + suffix, row.excludesHigherPositions())
            .bind("recordedAt" + suffix, row.recordedAt());
    spec = nullable(spec, "parentGrantId" + suffix, row.parentGrantId(), String.class);
    spec = nullable(spec, "ceiling" + suffix, row.ceiling(), java.math.BigDecimal.class);
    spec = nullable(spec, "validTo" + suffix, row.validTo(), java.time.LocalDate.class);
    spec = nullable(spec, "escalationTarget" + suffix, row.escalationTarget(), String.class);
    spec = nullable(spec, "grantDecisionRef" + suffix, row.grantDecisionRef(), String.class);
    spec = nullable(spec, "legalBasis" + suffix, row.legalBasis(), String.class);
    spec = nullable(spec, "mandataryConsentRef" + suffix, row.mandataryConsentRef(), String.class);
    spec = nullable(spec, "employerConsentRef" + suffix, row.employerConsentRef(), String.class);
    return spec;
  }

  @Override
  public Mono<Void> revoke(Revocation revocation, String revokedBy, long sequence) {
    GenericExecuteSpec spec =
        database
            .sql(
                "insert into revocation (grant_id, revoked_at, reason, decision_ref, revoked_by,"
                    + " sequence) values (:grantId, :revokedAt, :reason, :decisionRef,"
                    + " :revokedBy, :sequence)")
            .bind("grantId", revocation.grantId())
            .bind("revokedAt", OffsetDateTime.ofInstant(revocation.revokedAt(), ZoneOffset.UTC))
            .bind("revokedBy", revokedBy)
            .bind("sequence", sequence);
    spec = nullable(spec, "reason", revocation.reason(), String.class);
    spec = nullable(spec, "decisionRef", revocation.decisionRef(), String.class);
    return spec.then();
  }

  static <T> GenericExecuteSpec nullable(
      GenericExecuteSpec spec, String name, T value, Class<T> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }
}
