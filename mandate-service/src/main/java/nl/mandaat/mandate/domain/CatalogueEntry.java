package nl.mandaat.mandate.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.mandaat.core.DecisionType;

/**
 * A besluittype of the catalogue: the ZGW Catalogi BesluitType fields plus what the law says about
 * who may take it (DOMAIN.md, "Decision types and decisions").
 *
 * @param reactietermijn an ISO 8601 period such as {@code P6W}, null when none
 * @param eindeGeldigheid null for an open end
 * @param notMandatableReason the Awb 10:3 reason, null when mandatable
 * @param defaultRoute the route a proposal of this type takes by default, null when none
 */
public record CatalogueEntry(
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

  public CatalogueEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(omschrijving, "omschrijving");
    Objects.requireNonNull(beginGeldigheid, "beginGeldigheid");
    Objects.requireNonNull(competentBody, "competentBody");
  }

  /** The part of the entry the rules read. */
  public DecisionType toDecisionType() {
    return new DecisionType(
        code,
        omschrijving,
        competentBody,
        legalBasis,
        mandatable,
        notMandatableReason,
        delegable,
        reservedToRaad);
  }

  /** An entry for a core decision type, with ZGW fields filled from what it says. */
  public static CatalogueEntry of(DecisionType type, LocalDate beginGeldigheid) {
    return new CatalogueEntry(
        type.code(),
        type.omschrijving(),
        type.competentBody().equals("raad") ? "raadsbesluit" : "beschikking",
        type.competentBody().equals("raad") ? null : "P6W",
        !type.competentBody().equals("raad") || type.reservedToRaad(),
        beginGeldigheid,
        null,
        type.competentBody(),
        type.legalBasis(),
        type.mandatable(),
        type.notMandatableReason(),
        type.delegable(),
        type.reservedToRaad(),
        type.mandatable() ? "MANDATE" : "RAAD");
  }
}
