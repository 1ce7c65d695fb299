package nl.mandaat.org.adapter.out.r2dbc;

import java.time.LocalDate;
import java.util.List;
import nl.mandaat.core.Person;
import nl.mandaat.org.application.port.Persons;
import nl.mandaat.org.domain.HeldPosition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPersons implements Persons {

  private static final String POSITION_COLUMNS =
      "p.code, p.name, p.unit_code, p.reports_to, p.single_holder, p.external, p.valid_from,"
          + " p.valid_to, p.version";

  // Both the record and the position must be in force that day; indexes on person/substitute.
  private static final String HELD =
      "select "
          + POSITION_COLUMNS
          + ", 'ASSIGNMENT' as via, a.id as record_id, a.valid_from as held_from,"
          + " a.valid_to as held_to"
          + " from assignments a join positions p on p.code = a.position"
          + " where a.person = :username and a.valid_from <= :at"
          + " and (a.valid_to is null or a.valid_to >= :at)"
          + " and p.valid_from <= :at and (p.valid_to is null or p.valid_to >= :at)"
          + " union all select "
          + POSITION_COLUMNS
          + ", 'SUBSTITUTION' as via, s.id as record_id, s.valid_from as held_from,"
          + " s.valid_to as held_to"
          + " from substitutions s join positions p on p.code = s.position"
          + " where s.substitute = :username and s.valid_from <= :at"
          + " and (s.valid_to is null or s.valid_to >= :at)"
          + " and p.valid_from <= :at and (p.valid_to is null or p.valid_to >= :at)"
          + " order by code, via";

  private final DatabaseClient database;

  R2dbcPersons(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<Person> all() {
    return database
        .sql("select username, sub, display_name from persons order by username")
        .map(PersonRow::read)
        .all()
        .map(PersonRow::toDomain);
  }

  @Override
  public Mono<Person> byUsername(String username) {
    return database
        .sql("select username, sub, display_name from persons where username = :username")
        .bind("username", username)
        .map(PersonRow::read)
        .one()
        .map(PersonRow::toDomain);
  }

  @Override
  public Mono<Void> insert(Person person) {
    return database
        .sql(
            "insert into persons (username, sub, display_name)"
                + " values (:username, :sub, :displayName)")
        .bind("username", person.username())
        .bind("sub", Sql.parameter(person.sub(), String.class))
        .bind("displayName", person.displayName())
        .then();
  }

  @Override
  public Mono<Void> insertAll(List<Person> persons) {
    return Flux.fromIterable(Sql.batches(persons))
        .concatMap(
            batch -> {
              DatabaseClient.GenericExecuteSpec spec =
                  database.sql(
                      "insert into persons (username, sub, display_name) values "
                          + Sql.valuesList(batch.size(), 3));
              for (int r = 0; r < batch.size(); r++) {
                Person p = batch.get(r);
                spec =
                    spec.bind(Sql.name(0, r), p.username())
                        .bind(Sql.name(1, r), Sql.parameter(p.sub(), String.class))
                        .bind(Sql.name(2, r), p.displayName());
              }
              return spec.then();
            })
        .then();
  }

  @Override
  public Flux<HeldPosition> positionsHeld(String username, LocalDate date) {
    return database
        .sql(HELD)
        .bind("username", username)
        .bind("at", date)
        .map(HeldPositionRow::read)
        .all()
        .map(HeldPositionRow::toDomain);
  }
}
