package nl.mandaat.mandate.adapter.out.r2dbc;

import java.time.LocalDate;
import java.util.Collection;
import nl.mandaat.mandate.application.port.ExpiryNotices;
import nl.mandaat.mandate.domain.ExpiryNotice;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

@Repository
class R2dbcExpiryNotices implements ExpiryNotices {

  private final DatabaseClient database;

  R2dbcExpiryNotices(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<ExpiryNotice.Key> issuedFor(Collection<String> grantIds) {
    if (grantIds.isEmpty()) {
      return Flux.empty();
    }
    return database
        .sql("select grant_id, valid_to, notice from expiry_notice where grant_id = any(:ids)")
        .bind("ids", grantIds.toArray(String[]::new))
        .map(
            row ->
                new ExpiryNotice.Key(
                    row.get("grant_id", String.class),
                    row.get("valid_to", LocalDate.class),
                    row.get("notice", Integer.class)))
        .all();
  }
}
