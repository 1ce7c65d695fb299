package nl.mandaat.mandate.adapter.out.r2dbc;

import nl.mandaat.mandate.application.port.RegisterEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcRegisterEvents implements RegisterEvents {

  private final DatabaseClient database;

  R2dbcRegisterEvents(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Long> lastSequence() {
    return database
        .sql("select coalesce(max(sequence), 0) as last_sequence from outbox_event")
        .map(row -> row.get("last_sequence", Long.class))
        .one();
  }
}
