package nl.mandaat.mandate.adapter.out.r2dbc;

import static nl.mandaat.mandate.adapter.out.r2dbc.R2dbcGrants.nullable;

import java.time.LocalDate;
import nl.mandaat.mandate.application.port.Catalogue;
import nl.mandaat.mandate.domain.CatalogueEntry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcCatalogue implements Catalogue {

  private final DatabaseClient database;

  R2dbcCatalogue(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Flux<CatalogueEntry> all() {
    return database
        .sql("select " + DecisionTypeRow.COLUMNS + " from decision_type order by sequence")
        .map(DecisionTypeRow::from)
        .all()
        .map(DecisionTypeRow::toEntry);
  }

  @Override
  public Flux<CatalogueEntry> upTo(long sequence) {
    return database
        .sql(
            "select "
                + DecisionTypeRow.COLUMNS
                + " from decision_type where sequence <= :sequence order by sequence")
        .bind("sequence", sequence)
        .map(DecisionTypeRow::from)
        .all()
        .map(DecisionTypeRow::toEntry);
  }

  @Override
  public Mono<Void> insert(CatalogueEntry entry, long sequence) {
    DecisionTypeRow row = DecisionTypeRow.of(entry);
    GenericExecuteSpec spec =
        database
            .sql(
                "insert into decision_type ("
                    + DecisionTypeRow.COLUMNS
                    + ", sequence) values (:code, :omschrijving, :besluitcategorie,"
                    + " :reactietermijn, :publicatieIndicatie, :beginGeldigheid,"
                    + " :eindeGeldigheid, :competentBody, :legalBasis, :mandatable,"
                    + " :notMandatableReason, :delegable, :reservedToRaad, :defaultRoute,"
                    + " :sequence)")
            .bind("code", row.code())
            .bind("omschrijving", row.omschrijving())
            .bind("publicatieIndicatie", row.publicatieIndicatie())
            .bind("beginGeldigheid", row.beginGeldigheid())
            .bind("competentBody", row.competentBody())
            .bind("mandatable", row.mandatable())
            .bind("delegable", row.delegable())
            .bind("reservedToRaad", row.reservedToRaad())
            .bind("sequence", sequence);
    spec = nullable(spec, "besluitcategorie", row.besluitcategorie(), String.class);
    spec = nullable(spec, "reactietermijn", row.reactietermijn(), String.class);
    spec = nullable(spec, "eindeGeldigheid", row.eindeGeldigheid(), LocalDate.class);
    spec = nullable(spec, "legalBasis", row.legalBasis(), String.class);
    spec = nullable(spec, "notMandatableReason", row.notMandatableReason(), String.class);
    spec = nullable(spec, "defaultRoute", row.defaultRoute(), String.class);
    return spec.then();
  }
}
