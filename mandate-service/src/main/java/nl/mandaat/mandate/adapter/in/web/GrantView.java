package nl.mandaat.mandate.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.mandaat.core.CoSign;
import nl.mandaat.core.Consent;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.mandate.domain.GrantStatus;

/** A grant as the register API shows it, with its status at the moment asked about. */
record GrantView(
    String id,
    String kind,
    String parentGrantId,
    String grantor,
    String holder,
    List<String> decisionTypes,
    List<String> orgUnits,
    BigDecimal ceiling,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> conditions,
    List<String> instructions,
    List<CoSign> coSigns,
    boolean subMandateAllowed,
    boolean excludesHigherPositions,
    String escalationTarget,
    String grantDecisionRef,
    String legalBasis,
    Consent consent,
    Instant recordedAt,
    String status,
    Instant revokedAt) {

  static GrantView concept(Grant g) {
    return of(g, GrantStatus.CONCEPT.name(), null);
  }

  static GrantView of(Register register, Grant g, Instant moment) {
    return of(
        g,
        GrantStatus.of(register, g, moment).name(),
        register.revokedAt(g.id()).filter(at -> !at.isAfter(moment)).orElse(null));
  }

  private static GrantView of(Grant g, String status, Instant revokedAt) {
    return new GrantView(
        g.id(),
        g.kind().name(),
        g.parentGrantId(),
        g.grantor(),
        g.holder(),
        List.copyOf(g.decisionTypes()),
        List.copyOf(g.orgUnits()),
        g.ceiling(),
        g.window().from(),
        g.window().to(),
        g.conditions(),
        g.instructions(),
        g.coSigns(),
        g.subMandateAllowed(),
        g.excludesHigherPositions(),
        g.escalationTarget(),
        g.grantDecisionRef(),
        g.legalBasis(),
        g.consent(),
        g.recordedAt(),
        status,
        revokedAt);
  }
}
