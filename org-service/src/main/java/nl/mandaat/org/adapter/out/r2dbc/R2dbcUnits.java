package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import nl.mandaat.org.application.port.Units;
import nl.mandaat.org.domain.OrgUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

@Repository
class R2dbcUnits implements Units {

  private static final String IN_FORCE_ON =
      """
      select code, name, parent_code, kind, valid_from, valid_to
        from unit
       where valid_from <= :at
         and (valid_to is null or valid_to >= :at)
       order by code
      """;

  private final DatabaseClient database;

  R2dbcUnits(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<OrgUnit> inForceOn(LocalDate date) {
    return database
        .sql(IN_FORCE_ON)
        .bind("at", date)
        .map(
            row ->
                new UnitRow(
                    row.get("code", String.class),
                    row.get("name", String.class),
                    row.get("parent_code", String.class),
                    row.get("kind", String.class),
                    row.get("valid_from", LocalDate.class),
                    row.get("valid_to", LocalDate.class)))
        .all()
        .map(UnitRow::toDomain);
  }
}
