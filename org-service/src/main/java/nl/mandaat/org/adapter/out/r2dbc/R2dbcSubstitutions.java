package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.mandaat.core.Substitution;
import nl.mandaat.org.application.port.Substitutions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcSubstitutions implements Substitutions {

  private static final String SELECT = "select " + SubstitutionRow.COLUMNS + " from substitutions";

  private final DatabaseClient database;

  R2dbcSubstitutions(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<Substitution> inForceOn(LocalDate date) {
    return database
        .sql(
            SELECT
                + " where valid_from <= :at and (valid_to is null or valid_to >= :at)"
                + " order by position, substitute, id")
        .bind("at", date)
        .map(SubstitutionRow::read)
        .all()
        .map(SubstitutionRow::toDomain);
  }

  @Override
  public Flux<Substitution> all() {
    return database
        .sql(SELECT + " order by id")
        .map(SubstitutionRow::read)
        .all()
        .map(SubstitutionRow::toDomain);
  }

  @Override
  public Mono<Substitution> byId(String id) {
    return database
        .sql(SELECT + " where id = :id")
        .bind("id", id)
        .map(SubstitutionRow::read)
        .one()
        .map(SubstitutionRow::toDomain);
  }

  @Override
  public Flux<Substitution> ofPosition(String position) {
    return database
        .sql(SELECT + " where position = :position order by valid_from, id")
        .bind("position", position)
        .map(SubstitutionRow::read)
        .all()
        .map(SubstitutionRow::toDomain);
  }

  @Override
  public Mono<Void> insert(Substitution record) {
    return database
        .sql(
            "insert into substitutions ("
                + SubstitutionRow.COLUMNS
                + ") values (:id, :who, :position, :from, :to, :recordedAt)")
        .bind("id", record.id())
        .bind("who", record.substitute())
        .bind("position", record.position())
        .bind("from", record.window().from())
        .bind("to", Sql.parameter(record.window().to(), LocalDate.class))
        .bind("recordedAt", record.recordedAt().atOffset(ZoneOffset.UTC))
        .then();
  }

  @Override
  public Mono<Void> end(String id, LocalDate validTo) {
    return database
        .sql("update substitutions set valid_to = :to where id = :id")
        .bind("to", validTo)
        .bind("id", id)
        .then();
  }
}
