package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import nl.mandaat.core.Position;
import nl.mandaat.org.application.port.Positions;
import nl.mandaat.org.domain.VersionedPosition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPositions implements Positions {

  private static final String SELECT = "select " + PositionRow.COLUMNS + " from positions";

  private final DatabaseClient database;

  R2dbcPositions(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<VersionedPosition> inForceOn(LocalDate date) {
    return database
        .sql(
            SELECT
                + " where valid_from <= :at and (valid_to is null or valid_to >= :at) order by code")
        .bind("at", date)
        .map(PositionRow::read)
        .all()
        .map(PositionRow::toDomain);
  }

  @Override
  public Flux<VersionedPosition> all() {
    return database
        .sql(SELECT + " order by code")
        .map(PositionRow::read)
        .all()
        .map(PositionRow::toDomain);
  }

  @Override
  public Flux<VersionedPosition> inUnit(String unitCode) {
    return database
        .sql(SELECT + " where unit_code = :unit order by code")
        .bind("unit", unitCode)
        .map(PositionRow::read)
        .all()
        .map(PositionRow::toDomain);
  }

  @Override
  public Mono<VersionedPosition> byCode(String code) {
    return database
        .sql(SELECT + " where code = :code")
        .bind("code", code)
        .map(PositionRow::read)
        .one()
        .map(PositionRow::toDomain);
  }

  @Override
  public Mono<Void> insert(Position p) {
    return database
        .sql(
            "insert into positions ("
                + PositionRow.COLUMNS
                + ") values (:code, :name, :unit, :reportsTo, :single, :external, :from, :to, 0)")
        .bind("code", p.code())
        .bind("name", p.name())
        .bind("unit", p.unitCode())
        .bind("reportsTo", Sql.parameter(p.reportsTo(), String.class))
        .bind("single", p.singleHolder())
        .bind("external", p.external())
        .bind("from", p.lifetime().from())
        .bind("to", Sql.parameter(p.lifetime().to(), LocalDate.class))
        .then();
  }

  @Override
  public Mono<Boolean> update(Position p, long expectedVersion) {
    return database
        .sql(
            "update positions set name = :name, unit_code = :unit, reports_to = :reportsTo,"
                + " single_holder = :single, external = :external, valid_from = :from,"
                + " valid_to = :to, version = version + 1"
                + " where code = :code and version = :version")
        .bind("code", p.code())
        .bind("name", p.name())
        .bind("unit", p.unitCode())
        .bind("reportsTo", Sql.parameter(p.reportsTo(), String.class))
        .bind("single", p.singleHolder())
        .bind("external", p.external())
        .bind("from", p.lifetime().from())
        .bind("to", Sql.parameter(p.lifetime().to(), LocalDate.class))
        .bind("version", expectedVersion)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }
}
