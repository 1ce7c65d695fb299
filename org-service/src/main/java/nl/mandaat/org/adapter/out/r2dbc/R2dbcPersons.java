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
}
