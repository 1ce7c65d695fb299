package nl.mandaat.org.adapter.out.r2dbc;

import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.org.application.port.Bodies;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcBodies implements Bodies {

  private final DatabaseClient database;

  R2dbcBodies(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<AdministrativeBody> all() {
    return database
        .sql("select code, name, full_name from bodies order by code")
        .map(BodyRow::read)
        .all()
        .map(BodyRow::toDomain);
  }

  @Override
  public Mono<AdministrativeBody> byCode(String code) {
    return database
        .sql("select code, name, full_name from bodies where code = :code")
        .bind("code", code)
        .map(BodyRow::read)
        .one()
        .map(BodyRow::toDomain);
  }

  @Override
  public Mono<Void> insert(AdministrativeBody body) {
    return database
        .sql("insert into bodies (code, name, full_name) values (:code, :name, :fullName)")
        .bind("code", body.code())
        .bind("name", body.name())
        .bind("fullName", body.fullName())
        .then();
  }
}
