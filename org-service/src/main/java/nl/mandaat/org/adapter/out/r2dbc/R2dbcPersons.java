package nl.mandaat.org.adapter.out.r2dbc;

import java.util.List;
import nl.mandaat.core.Person;
import nl.mandaat.org.application.port.Persons;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPersons implements Persons {

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
    return Sql.insertAll(
        database,
        "insert into persons (username, sub, display_name)",
        persons,
        p -> new Object[] {p.username(), Sql.parameter(p.sub(), String.class), p.displayName()});
  }
}
