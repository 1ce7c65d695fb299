package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import nl.mandaat.org.application.port.Units;
import nl.mandaat.org.domain.OrgUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcUnits implements Units {

  private static final String IN_FORCE_ON =
      "select "
          + UnitRow.COLUMNS
          + " from unit where valid_from <= :at and (valid_to is null or valid_to >= :at)"
          + " order by code";

  private final DatabaseClient database;

  R2dbcUnits(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<OrgUnit> inForceOn(LocalDate date) {
    return database
        .sql(IN_FORCE_ON)
        .bind("at", date)
        .map(UnitRow::read)
        .all()
        .map(UnitRow::toDomain);
  }

  @Override
  public Flux<OrgUnit> history(String code) {
    return database
        .sql("select " + UnitRow.COLUMNS + " from unit where code = :code order by valid_from")
        .bind("code", code)
        .map(UnitRow::read)
        .all()
        .map(UnitRow::toDomain);
  }

  @Override
  public Flux<OrgUnit> all() {
    return database
        .sql("select " + UnitRow.COLUMNS + " from unit order by code, valid_from")
        .map(UnitRow::read)
        .all()
        .map(UnitRow::toDomain);
  }

  @Override
  public Mono<Void> insert(OrgUnit unit) {
    return database
        .sql(
            "insert into unit ("
                + UnitRow.COLUMNS
                + ", version) values (:code, :name, :parent, :kind, :from, :to, :headcount,"
                + " coalesce((select max(version) from unit where code = :code), 0))")
        .bind("code", unit.code())
        .bind("name", unit.name())
        .bind("parent", Sql.parameter(unit.parentCode(), String.class))
        .bind("kind", unit.kind().name())
        .bind("from", unit.validFrom())
        .bind("to", Sql.parameter(unit.validTo(), LocalDate.class))
        .bind("headcount", unit.headcount())
        .then();
  }

  @Override
  public Mono<Void> end(String code, LocalDate validFrom, LocalDate validTo) {
    return database
        .sql("update unit set valid_to = :to where code = :code and valid_from = :from")
        .bind("to", validTo)
        .bind("code", code)
        .bind("from", validFrom)
        .then();
  }

  @Override
  public Mono<Long> version(String code) {
    return database
        .sql("select max(version) as version from unit where code = :code")
        .bind("code", code)
        .map(row -> java.util.Optional.ofNullable(row.get("version", Long.class)))
        .one()
        .flatMap(Mono::justOrEmpty);
  }

  @Override
  public Mono<Boolean> advance(String code, long expectedVersion) {
    return database
        .sql("update unit set version = version + 1 where code = :code and version = :version")
        .bind("code", code)
        .bind("version", expectedVersion)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Mono<Void> replace(OrgUnit unit) {
    return database
        .sql(
            "update unit set name = :name, parent_code = :parent, kind = :kind,"
                + " headcount = :headcount, valid_to = :to"
                + " where code = :code and valid_from = :from")
        .bind("name", unit.name())
        .bind("parent", Sql.parameter(unit.parentCode(), String.class))
        .bind("kind", unit.kind().name())
        .bind("headcount", unit.headcount())
        .bind("to", Sql.parameter(unit.validTo(), LocalDate.class))
        .bind("code", unit.code())
        .bind("from", unit.validFrom())
        .then();
  }
}
