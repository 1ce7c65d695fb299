package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.mandaat.core.Assignment;
import nl.mandaat.org.application.port.Assignments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcAssignments implements Assignments {

  private static final String SELECT = "select " + AssignmentRow.COLUMNS + " from assignments";

  private final DatabaseClient database;

  R2dbcAssignments(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<Assignment> inForceOn(LocalDate date) {
    return database
        .sql(
            SELECT
                + " where valid_from <= :at and (valid_to is null or valid_to >= :at)"
                + " order by position, person, id")
        .bind("at", date)
        .map(AssignmentRow::read)
        .all()
        .map(AssignmentRow::toDomain);
  }

  @Override
  public Flux<Assignment> all() {
    return database
        .sql(SELECT + " order by id")
        .map(AssignmentRow::read)
        .all()
        .map(AssignmentRow::toDomain);
  }

  @Override
  public Mono<Assignment> byId(String id) {
    return database
        .sql(SELECT + " where id = :id")
        .bind("id", id)
        .map(AssignmentRow::read)
        .one()
        .map(AssignmentRow::toDomain);
  }

  @Override
  public Flux<Assignment> ofPosition(String position) {
    return database
        .sql(SELECT + " where position = :position order by valid_from, id")
        .bind("position", position)
        .map(AssignmentRow::read)
        .all()
        .map(AssignmentRow::toDomain);
  }

  @Override
  public Mono<Void> insert(Assignment record) {
    return database
        .sql(
            "insert into assignments ("
                + AssignmentRow.COLUMNS
                + ") values (:id, :who, :position, :from, :to, :recordedAt)")
        .bind("id", record.id())
        .bind("who", record.person())
        .bind("position", record.position())
        .bind("from", record.window().from())
        .bind("to", Sql.parameter(record.window().to(), LocalDate.class))
        .bind("recordedAt", record.recordedAt().atOffset(ZoneOffset.UTC))
        .then();
  }

  @Override
  public Mono<Void> insertAll(List<Assignment> assignments) {
    return Sql.insertAll(
        database,
        "insert into assignments (" + AssignmentRow.COLUMNS + ")",
        assignments,
        a ->
            new Object[] {
              a.id(),
              a.person(),
              a.position(),
              a.window().from(),
              Sql.parameter(a.window().to(), LocalDate.class),
              a.recordedAt().atOffset(ZoneOffset.UTC)
            });
  }

  @Override
  public Mono<Void> end(String id, LocalDate validTo) {
    return database
        .sql("update assignments set valid_to = :to where id = :id")
        .bind("to", validTo)
        .bind("id", id)
        .then();
  }
}
