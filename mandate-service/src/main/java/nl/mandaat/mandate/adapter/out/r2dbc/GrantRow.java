package nl.mandaat.mandate.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import nl.mandaat.core.CoSign;
import nl.mandaat.core.Consent;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.Window;
import nl.mandaat.support.events.PayloadJson;

record GrantRow(
    String id,
    String kind,
    String parentGrantId,
    String grantor,
    String holder,
    String[] decisionTypes,
    String[] orgUnits,
    BigDecimal ceiling,
    LocalDate validFrom,
    LocalDate validTo,
    String[] conditions,
    String[] instructions,
    String coSigns,
    boolean subMandateAllowed,
    boolean excludesHigherPositions,
    String escalationTarget,
    String grantDecisionRef,
    String legalBasis,
    String mandataryConsentRef,
    String employerConsentRef,
    OffsetDateTime recordedAt) {

  static final String COLUMNS =
      "id, kind, parent_grant_id, grantor, holder, decision_types, org_units, ceiling, valid_from,"
          + " valid_to, conditions, instructions, co_signs, sub_mandate_allowed,"
          + " excludes_higher_positions, escalation_target, grant_decision_ref, legal_basis,"
          + " mandatary_consent_ref, employer_consent_ref, recorded_at";

  /** The named parameters for {@link #COLUMNS}, in the same order. */
  static final String PARAMETERS =
      ":id, :kind, :parentGrantId, :grantor, :holder, :decisionTypes, :orgUnits, :ceiling,"
          + " :validFrom, :validTo, :conditions, :instructions, :coSigns, :subMandateAllowed,"
          + " :excludesHigherPositions, :escalationTarget, :grantDecisionRef, :legalBasis,"
          + " :mandataryConsentRef, :employerConsentRef, :recordedAt";

  static GrantRow of(Grant g) {
    return new GrantRow(
        g.id(),
        g.kind().name(),
        g.parentGrantId(),
        g.grantor(),
        g.holder(),
        g.decisionTypes().toArray(String[]::new),
        g.orgUnits().toArray(String[]::new),
        g.ceiling(),
        g.window().from(),
        g.window().to(),
        g.conditions().toArray(String[]::new),
        g.instructions().toArray(String[]::new),
        PayloadJson.write(g.coSigns()),
        g.subMandateAllowed(),
        g.excludesHigherPositions(),
        g.escalationTarget(),
        g.grantDecisionRef(),
        g.legalBasis(),
        g.consent() == null ? null : g.consent().mandataryConsentRef(),
        g.consent() == null ? null : g.consent().employerConsentRef(),
        OffsetDateTime.ofInstant(g.recordedAt(), java.time.ZoneOffset.UTC));
  }

  static GrantRow from(Readable row) {
    return new GrantRow(
        row.get("id", String.class),
        row.get("kind", String.class),
        row.get("parent_grant_id", String.class),
        row.get("grantor", String.class),
        row.get("holder", String.class),
        row.get("decision_types", String[].class),
        row.get("org_units", String[].class),
        row.get("ceiling", BigDecimal.class),
        row.get("valid_from", LocalDate.class),
        row.get("valid_to", LocalDate.class),
        row.get("conditions", String[].class),
        row.get("instructions", String[].class),
        row.get("co_signs", String.class),
        Boolean.TRUE.equals(row.get("sub_mandate_allowed", Boolean.class)),
        Boolean.TRUE.equals(row.get("excludes_higher_positions", Boolean.class)),
        row.get("escalation_target", String.class),
        row.get("grant_decision_ref", String.class),
        row.get("legal_basis", String.class),
        row.get("mandatary_consent_ref", String.class),
        row.get("employer_consent_ref", String.class),
        row.get("recorded_at", OffsetDateTime.class));
  }

  Grant toGrant() {
    Grant.Builder b =
        Grant.builder()
            .id(id)
            .kind(GrantKind.valueOf(kind))
            .parent(parentGrantId)
            .grantor(grantor)
            .holder(holder)
            .decisionTypes(Arrays.asList(decisionTypes))
            .orgUnits(Arrays.asList(orgUnits))
            .ceiling(ceiling)
            .window(Window.of(validFrom, validTo))
            .subMandateAllowed(subMandateAllowed)
            .excludesHigherPositions(excludesHigherPositions)
            .escalationTarget(escalationTarget)
            .grantDecisionRef(grantDecisionRef)
            .legalBasis(legalBasis)
            .recordedAt(recordedAt.toInstant());
    Arrays.stream(conditions).forEach(b::condition);
    Arrays.stream(instructions).forEach(b::instruction);
    List.of(PayloadJson.read(coSigns, CoSign[].class)).forEach(b::coSign);
    if (mandataryConsentRef != null || employerConsentRef != null) {
      b.consent(new Consent(mandataryConsentRef, employerConsentRef));
    }
    return b.build();
  }
}
