package nl.mandaat.mandate.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import nl.mandaat.mandate.domain.CatalogueEntry;

record DecisionTypeRow(
    String code,
    String omschrijving,
    String besluitcategorie,
    String reactietermijn,
    boolean publicatieIndicatie,
    LocalDate beginGeldigheid,
    LocalDate eindeGeldigheid,
    String competentBody,
    String legalBasis,
    boolean mandatable,
    String notMandatableReason,
    boolean delegable,
    boolean reservedToRaad,
    String defaultRoute) {

  static final String COLUMNS =
      "code, omschrijving, besluitcategorie, reactietermijn, publicatie_indicatie,"
          + " begin_geldigheid, einde_geldigheid, competent_body, legal_basis, mandatable,"
          + " not_mandatable_reason, delegable, reserved_to_raad, default_route";

  static DecisionTypeRow from(Readable row) {
    return new DecisionTypeRow(
        row.get("code", String.class),
        row.get("omschrijving", String.class),
        row.get("besluitcategorie", String.class),
        row.get("reactietermijn", String.class),
        Boolean.TRUE.equals(row.get("publicatie_indicatie", Boolean.class)),
        row.get("begin_geldigheid", LocalDate.class),
        row.get("einde_geldigheid", LocalDate.class),
        row.get("competent_body", String.class),
        row.get("legal_basis", String.class),
        Boolean.TRUE.equals(row.get("mandatable", Boolean.class)),
        row.get("not_mandatable_reason", String.class),
        Boolean.TRUE.equals(row.get("delegable", Boolean.class)),
        Boolean.TRUE.equals(row.get("reserved_to_raad", Boolean.class)),
        row.get("default_route", String.class));
  }

  static DecisionTypeRow of(CatalogueEntry e) {
    return new DecisionTypeRow(
        e.code(),
        e.omschrijving(),
        e.besluitcategorie(),
        e.reactietermijn(),
        e.publicatieIndicatie(),
        e.beginGeldigheid(),
        e.eindeGeldigheid(),
        e.competentBody(),
        e.legalBasis(),
        e.mandatable(),
        e.notMandatableReason(),
        e.delegable(),
        e.reservedToRaad(),
        e.defaultRoute());
  }

  CatalogueEntry toEntry() {
    return new CatalogueEntry(
        code,
        omschrijving,
        besluitcategorie,
        reactietermijn,
        publicatieIndicatie,
        beginGeldigheid,
        eindeGeldigheid,
        competentBody,
        legalBasis,
        mandatable,
        notMandatableReason,
        delegable,
        reservedToRaad,
        defaultRoute);
  }
}
