package nl.mandaat.core;

import static nl.mandaat.core.DemoFixtures.noon;
import static nl.mandaat.core.RegisterFixtures.demoGrant;
import static nl.mandaat.core.RegisterFixtures.demoWith;
import static nl.mandaat.core.RegisterFixtures.mandate;
import static nl.mandaat.core.RegisterFixtures.sub;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.mandaat.core.RegisterChange.NewAssignment;
import nl.mandaat.core.RegisterChange.NewGrant;
import nl.mandaat.core.RegisterChange.NewSubstitution;
import nl.mandaat.core.RegisterChange.RevokeGrant;
import nl.mandaat.core.demo.DemoMunicipality;
import org.junit.jupiter.api.Test;

/** Validation at the source: one test per code and per boundary. */
class ValidatorTests {

  private static final Register DEMO = DemoFixtures.REGISTER;
  private static final Actor ADMIN = DemoMunicipality.ADMINISTRATOR;
  private static final Actor AH_VERGUNNINGEN = Actor.person("ah-vergunningen");
  private static final Instant NOW = noon(2026, 6, 1);
  private static final Grant G03 = demoGrant("G03-afdelingshoofd-vergunningen");
  private static final Grant G05 = demoGrant("G05-afdelingshoofd-vergunningen");

  /** A sub-mandate of G03 (inkoop, 50,000) to the teammanager, posted mid 2026. */
  private static Grant.Builder subOfG03() {
    return sub("N1", G03, "teammanager-omgeving")
        .orgUnits("vergunningen")
        .ceiling("10000")
        .window(Window.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)))
        .recordedAt(NOW);
  }

  private static Verdict grant(Register r, Grant g, Actor actor) {
    return Validator.validate(r, new NewGrant(g, actor));
  }

  private static Verdict grant(Grant g, Actor actor) {
    return grant(DEMO, g, actor);
  }

  @Test
  void aSubMandateWithinItsParentByTheHolderIsAccepted() {
    Verdict v = grant(subOfG03().build(), AH_VERGUNNINGEN);
    assertThat(v.violations()).isEmpty();
    assertThat(v.isAccepted()).isTrue();
  }

  @Test
  void subMandateFromAGrantThatForbidsItIsRefused() {
    Grant g =
        sub("N2", demoGrant("G04-teammanager-omgeving"), "medewerker-vergunningen")
            .orgUnits("vergunningen")
            .recordedAt(NOW)
            .build();
    assertThat(grant(g, Actor.person("tm-omgeving")).codes())
        .containsExactly(Violation.SUB_MANDATE_NOT_ALLOWED);
  }

  @Test
  void subMandateAtTheParentCeilingIsAcceptedAndOneCentAboveIsRefused() {
    assertThat(grant(subOfG03().ceiling("50000.00").build(), AH_VERGUNNINGEN).isAccepted())
        .isTrue();
    Verdict above = grant(subOfG03().ceiling("50000.01").build(), AH_VERGUNNINGEN);
    assertThat(above.codes()).containsExactly(Violation.EXCEEDS_PARENT_CEILING);
    assertThat(above.violations().get(0).messageNl()).contains("50000.00");
    assertThat(above.violations().get(0).field()).isEqualTo("ceiling");
  }

  @Test
  void subMandateWithoutCeilingUnderACeilingIsRefused() {
    assertThat(grant(subOfG03().ceiling((BigDecimal) null).build(), AH_VERGUNNINGEN).codes())
        .containsExactly(Violation.EXCEEDS_PARENT_CEILING);
  }

  @Test
  void subMandateForAnotherDecisionTypeIsRefused() {
    Grant g = subOfG03().decisionTypes("inkoop-overeenkomst", "woo-besluit").build();
    assertThat(grant(g, AH_VERGUNNINGEN).codes()).containsExactly(Violation.EXCEEDS_PARENT_SCOPE);
  }

  @Test
  void subMandateForAUnitOutsideTheParentIsRefusedAndOneBelowIsAccepted() {
    assertThat(grant(subOfG03().orgUnits("vth").build(), AH_VERGUNNINGEN).codes())
        .containsExactly(Violation.EXCEEDS_PARENT_SCOPE);
    assertThat(grant(subOfG03().orgUnits("omgevingsvergunningen").build(), AH_VERGUNNINGEN).codes())
        .isEmpty();
  }

  @Test
  void subMandateValidityMustLieWithinTheParentsToTheDay() {
    Grant parent =
        mandate("P1", "afdelingshoofd-vergunningen", "subsidie-toekenning")
            .window(Window.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)))
            .build();
    Register r = demoWith(parent);
    Grant.Builder child =
        sub("C1", parent, "teammanager-omgeving").orgUnits("vergunningen").recordedAt(NOW);
    assertThat(grant(r, child.build(), AH_VERGUNNINGEN).codes()).isEmpty();
    assertThat(
            grant(
                    r,
                    child
                        .window(Window.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31)))
                        .build(),
                    AH_VERGUNNINGEN)
                .codes())
        .containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(
            grant(
                    r,
                    child
                        .window(Window.of(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 1, 1)))
                        .build(),
                    AH_VERGUNNINGEN)
                .codes())
        .containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
    assertThat(
            grant(r, child.window(Window.from(LocalDate.of(2026, 7, 1))).build(), AH_VERGUNNINGEN)
                .codes())
        .containsExactly(Violation.EXCEEDS_PARENT_VALIDITY);
  }

  @Test
  void subMandateToAPositionOutsideTheGrantorsLineIsRefused() {
    Grant g = subOfG03().holder("afdelingshoofd-vth").orgUnits().build();
    assertThat(grant(g, AH_VERGUNNINGEN).codes()).contains(Violation.NOT_SUBORDINATE);
  }

  @Test
  void aMandateToAnExternalPositionNeedsBothConsents() {
    Register r =
        demoWith(
            b ->
                b.position(
                    new Position(
                        "odh-teamleider",
                        "Teamleider ODH",
                        "gemeente",
                        null,
                        true,
                        true,
                        Window.ALWAYS)));
    Grant.Builder g =
        mandate("E1", "odh-teamleider", "handhavingsbesluit-dwangsom").recordedAt(NOW);
    assertThat(grant(r, g.build(), ADMIN).codes()).containsExactly(Violation.NOT_SUBORDINATE);
    assertThat(grant(r, g.consent(new Consent("instemming", null)).build(), ADMIN).codes())
        .containsExactly(Violation.NOT_SUBORDINATE);
    assertThat(grant(r, g.consent(new Consent("instemming", "werkgever")).build(), ADMIN).codes())
        .isEmpty();
  }

  @Test
  void subMandateToTheGrantorsOwnPositionIsASelfGrant() {
    Grant g = sub("N3", G05, "afdelingshoofd-vergunningen").recordedAt(NOW).build();
    assertThat(grant(g, AH_VERGUNNINGEN).codes()).contains(Violation.SELF_GRANT);
  }

  @Test
  void subMandateToAPositionTheActorAlsoHoldsIsASelfGrant() {
    Register r =
        demoWith(
            b ->
                b.assignment(
                    Assignment.of(
                        "A-dubbel",
                        "ah-vergunningen",
                        "teammanager-omgeving",
                        Window.from(DemoMunicipality.START),
                        DemoMunicipality.SEEDED_AT)));
    assertThat(grant(r, subOfG03().build(), AH_VERGUNNINGEN).codes())
        .containsExactly(Violation.SELF_GRANT);
  }

  @Test
  void aSubstituteMayNotGrantASubMandate() {
    Grant g =
        subOfG03()
            .recordedAt(noon(2026, 12, 10))
            .window(Window.of(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 31)))
            .build();
    assertThat(grant(g, Actor.person("ah-vth")).codes())
        .containsExactly(Violation.SUBSTITUTE_MAY_NOT_GRANT);
    // The day after the substitution ends, ah-vth is no holder at all.
    Grant after =
        subOfG03()
            .recordedAt(noon(2027, 1, 1))
            .window(Window.from(LocalDate.of(2027, 1, 1)))
            .build();
    assertThat(grant(after, Actor.person("ah-vth")).codes()).containsExactly(Violation.NOT_HOLDER);
  }

  @Test
  void onlyTheHolderOfTheParentGrantsFromIt() {
    assertThat(grant(subOfG03().build(), Actor.person("tm-omgeving")).codes())
        .contains(Violation.NOT_HOLDER);
    assertThat(grant(subOfG03().grantor("directeur-stad").build(), AH_VERGUNNINGEN).codes())
        .contains(Violation.NOT_HOLDER);
  }

  @Test
  void aNotMandatableTypeIsNeverMandated() {
    Grant g =
        mandate("M1", "gemeentesecretaris", "verordening-vaststellen").grantor("raad").build();
    assertThat(grant(g, ADMIN).codes()).containsExactly(Violation.NOT_MANDATABLE);
  }

  @Test
  void theBudgetIsNeverDelegatedNorMandated() {
    Grant delegation =
        Grant.builder()
            .id("D1")
            .kind(GrantKind.DELEGATION)
            .grantor("raad")
            .holder("college")
            .decisionTypes("begroting-vaststellen")
            .legalBasis("Gemeentewet 156")
            .grantDecisionRef("Raadsbesluit")
            .window(Window.from(DemoMunicipality.START))
            .recordedAt(NOW)
            .build();
    assertThat(grant(delegation, ADMIN).codes()).containsExactly(Violation.RESERVED_TO_RAAD);
  }

  @Test
  void aSubMandateBackUpTheChainIsACycle() {
    Grant t1 =
        sub("T1", G03, "teammanager-omgeving")
            .orgUnits("vergunningen")
            .ceiling("10000")
            .subMandateAllowed(true)
            .build();
    Register r = demoWith(t1);
    Grant back = sub("T2", t1, "directeur-stad").orgUnits("vergunningen").recordedAt(NOW).build();
    assertThat(grant(r, back, Actor.person("tm-omgeving")).codes())
        .containsExactlyInAnyOrder(Violation.CYCLE, Violation.NOT_SUBORDINATE);
  }

  @Test
  void aRootGrantReferencesItsWrittenDecision() {
    Grant g =
        mandate("M2", "afdelingshoofd-hr", "subsidie-toekenning").grantDecisionRef(" ").build();
    assertThat(grant(g, ADMIN).codes()).containsExactly(Violation.MISSING_GRANT_DECISION);
  }

  @Test
  void aDelegationNeedsAStatutoryBasisAndABodyAsDelegate() {
    Register r =
        demoWith(
            b ->
                b.decisionType(
                    new DecisionType(
                        "wijzigingsplan",
                        "Wijzigingsplan",
                        "raad",
                        "Wro 3.6",
                        true,
                        null,
                        true,
                        false)));
    Grant.Builder d =
        Grant.builder()
            .id("D2")
            .kind(GrantKind.DELEGATION)
            .grantor("raad")
            .holder("college")
            .decisionTypes("wijzigingsplan")
            .grantDecisionRef("Raadsbesluit")
            .window(Window.from(DemoMunicipality.START))
            .recordedAt(NOW);
    assertThat(grant(r, d.build(), ADMIN).codes()).containsExactly(Violation.NO_STATUTORY_BASIS);
    assertThat(
            grant(r, d.legalBasis("Gemeentewet 156").holder("gemeentesecretaris").build(), ADMIN)
                .codes())
        .containsExactly(Violation.DELEGATION_TO_SUBORDINATE);
    assertThat(grant(r, d.holder("raad").build(), ADMIN).codes())
        .containsExactly(Violation.SELF_GRANT);
    assertThat(
            grant(r, d.holder("college").decisionTypes("inkoop-overeenkomst").build(), ADMIN)
                .codes())
        .contains(Violation.NOT_DELEGABLE);
  }

  @Test
  void aBodyGrantsOnlyAPowerItHoldsAndHasNotDelegated() {
    Grant burgemeester =
        mandate("M3", "afdelingshoofd-inkoop", "inkoop-overeenkomst")
            .grantor("burgemeester")
            .build();
    assertThat(grant(burgemeester, ADMIN).codes()).containsExactly(Violation.NOT_COMPETENT);
    Grant raad = mandate("M4", "gemeentesecretaris", "uitwerkingsplan").grantor("raad").build();
    assertThat(grant(raad, ADMIN).codes()).containsExactly(Violation.NOT_COMPETENT);
    Grant college = mandate("M5", "gemeentesecretaris", "uitwerkingsplan").build();
    assertThat(grant(college, ADMIN).codes()).isEmpty();
  }

  @Test
  void aSubGrantOfARevokedParentIsRefused() {
    Register r =
        DEMO.with(
            new RevokeGrant(
                Revocation.of(G03.id(), noon(2026, 5, 1), "reorganisatie", "Besluit 9"), ADMIN));
    assertThat(grant(r, subOfG03().build(), AH_VERGUNNINGEN).codes())
        .containsExactly(Violation.PARENT_NOT_IN_FORCE);
  }

  @Test
  void aRootGrantComesFromABodyAndIsRecordedByTheAdministrator() {
    Grant fromPosition =
        mandate("M6", "afdelingshoofd-hr", "subsidie-toekenning")
            .grantor("directeur-bedrijfsvoering")
            .build();
    assertThat(grant(fromPosition, ADMIN).codes()).contains(Violation.INVALID_GRANTOR);
    Grant byPerson = mandate("M7", "afdelingshoofd-hr", "subsidie-toekenning").build();
    assertThat(grant(byPerson, Actor.person("secretaris")).codes())
        .containsExactly(Violation.NOT_REGISTER_ADMINISTRATOR);
  }

  @Test
  void unknownCodesAreNamed() {
    Grant g =
        mandate("M8", "nobody", "bestaat-niet").grantor("provincie").orgUnits("nergens").build();
    assertThat(grant(g, ADMIN).codes())
        .containsExactlyInAnyOrder(
            Violation.UNKNOWN_DECISION_TYPE,
            Violation.UNKNOWN_ORG_UNIT,
            Violation.UNKNOWN_BODY,
            Violation.UNKNOWN_POSITION);
    Grant orphan = subOfG03().parent("G99").build();
    assertThat(grant(orphan, AH_VERGUNNINGEN).codes()).containsExactly(Violation.UNKNOWN_GRANT);
  }

  @Test
  void everyViolationIsReportedNotJustTheFirst() {
    Grant g =
        subOfG03()
            .id(G03.id())
            .decisionTypes()
            .ceiling("60000.001")
            .window(Window.of(LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 1)))
            .build();
    Verdict v = grant(g, Actor.person("ah-vth"));
    assertThat(v.codes())
        .contains(
            Violation.DUPLICATE_ID,
            Violation.INVALID_WINDOW,
            Violation.INVALID_AMOUNT,
            Violation.NO_DECISION_TYPES,
            Violation.NOT_HOLDER,
            Violation.EXCEEDS_PARENT_CEILING);
    assertThat(v.violations()).allSatisfy(x -> assertThat(x.messageEn()).isNotBlank());
  }

  @Test
  void aWindowOfOneDayIsValid() {
    Grant g =
        subOfG03().window(Window.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1))).build();
    assertThat(grant(g, AH_VERGUNNINGEN).codes()).isEmpty();
  }

  // ---- revocations ----

  private static Verdict revoke(String grantId, Actor actor, Instant at, String ref) {
    return Validator.validate(
        DEMO, new RevokeGrant(Revocation.of(grantId, at, "reden", ref), actor));
  }

  @Test
  void theGrantorsHolderOrTheAdministratorRevokesASubMandate() {
    assertThat(revoke("G04-teammanager-omgeving", AH_VERGUNNINGEN, NOW, null).codes()).isEmpty();
    assertThat(revoke("G04-teammanager-omgeving", ADMIN, NOW, null).codes()).isEmpty();
    assertThat(revoke("G04-teammanager-omgeving", Actor.person("tm-omgeving"), NOW, null).codes())
        .containsExactly(Violation.NOT_HOLDER);
  }

  @Test
  void aSubstituteMayNotRevokeASubMandate() {
    assertThat(
            revoke("G04-teammanager-omgeving", Actor.person("ah-vth"), noon(2026, 12, 31), null)
                .codes())
        .containsExactly(Violation.SUBSTITUTE_MAY_NOT_GRANT);
  }

  @Test
  void aBodysGrantIsRevokedByItsDecisionRecordedByTheAdministrator() {
    assertThat(revoke("G05-afdelingshoofd-vergunningen", ADMIN, NOW, "Intrekkingsbesluit").codes())
        .isEmpty();
    assertThat(revoke("G05-afdelingshoofd-vergunningen", ADMIN, NOW, null).codes())
        .containsExactly(Violation.MISSING_GRANT_DECISION);
    assertThat(revoke("G05-afdelingshoofd-vergunningen", AH_VERGUNNINGEN, NOW, "x").codes())
        .containsExactly(Violation.NOT_REGISTER_ADMINISTRATOR);
  }

  @Test
  void anUnknownOrAlreadyRevokedGrantIsNotRevoked() {
    assertThat(revoke("G99", ADMIN, NOW, "x").codes()).containsExactly(Violation.UNKNOWN_GRANT);
    Register r =
        DEMO.with(
            new RevokeGrant(Revocation.of("G04-teammanager-omgeving", NOW, "r", null), ADMIN));
    assertThat(
            Validator.validate(
                    r,
                    new RevokeGrant(
                        Revocation.of("G04-teammanager-omgeving", NOW.plusSeconds(1), "r", null),
                        ADMIN))
                .codes())
        .containsExactly(Violation.ALREADY_REVOKED);
  }

  @Test
  void aRevocationCascadesToEverySubGrant() {
    assertThat(DEMO.subGrantsOf("G02-directeur-stad"))
        .containsExactly(
            "G03-afdelingshoofd-vergunningen",
            "G03-afdelingshoofd-vth",
            "G04-teammanager-omgeving");
  }

  // ---- assignments and substitutions ----

  private static final Register WITH_TEMPORARY_POSITION =
      demoWith(
          b ->
              b.position(
                  new Position(
                      "projectleider",
                      "Projectleider",
                      "stad",
                      "directeur-stad",
                      true,
                      false,
                      Window.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31)))));

  private static Verdict assign(String id, String person, String position, Window w) {
    return Validator.validate(
        WITH_TEMPORARY_POSITION,
        new NewAssignment(Assignment.of(id, person, position, w, NOW), ADMIN));
  }

  @Test
  void anAssignmentLiesWithinThePositionsLifetimeToTheDay() {
    assertThat(
            assign(
                    "A1",
                    "mw-wi",
                    "projectleider",
                    Window.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31)))
                .codes())
        .isEmpty();
    assertThat(
            assign(
                    "A1",
                    "mw-wi",
                    "projectleider",
                    Window.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 8, 31)))
                .codes())
        .containsExactly(Violation.OUTSIDE_POSITION_LIFETIME);
    assertThat(
            assign("A1", "mw-wi", "projectleider", Window.from(LocalDate.of(2026, 3, 1))).codes())
        .containsExactly(Violation.OUTSIDE_POSITION_LIFETIME);
  }

  @Test
  void aSingleHolderPositionHasOneHolderAtATime() {
    assertThat(
            assign("A2", "mw-wi", "directeur-stad", Window.from(LocalDate.of(2027, 1, 1))).codes())
        .containsExactly(Violation.OVERLAPPING_ASSIGNMENT);
    Register ended =
        demoWith(
            b -> {
              b.position(
                  new Position(
                      "adviseur",
                      "Adviseur",
                      "stad",
                      "directeur-stad",
                      true,
                      false,
                      Window.ALWAYS));
              return b.assignment(
                  Assignment.of(
                      "A3",
                      "mw-wi",
                      "adviseur",
                      Window.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                      NOW));
            });
    Verdict next =
        Validator.validate(
            ended,
            new NewAssignment(
                Assignment.of(
                    "A4",
                    "mw-vergunningen",
                    "adviseur",
                    Window.from(LocalDate.of(2026, 7, 1)),
                    NOW),
                ADMIN));
    Verdict overlap =
        Validator.validate(
            ended,
            new NewAssignment(
                Assignment.of(
                    "A4",
                    "mw-vergunningen",
                    "adviseur",
                    Window.from(LocalDate.of(2026, 6, 30)),
                    NOW),
                ADMIN));
    assertThat(next.codes()).isEmpty();
    assertThat(overlap.codes()).containsExactly(Violation.OVERLAPPING_ASSIGNMENT);
  }

  @Test
  void assignmentsNeedKnownPersonsAndPositionsAndTheAdministrator() {
    Verdict v =
        Validator.validate(
            DEMO,
            new NewAssignment(
                Assignment.of(
                    "A-burgemeester",
                    "niemand",
                    "geen",
                    Window.from(LocalDate.of(2026, 1, 1)),
                    NOW),
                Actor.person("secretaris")));
    assertThat(v.codes())
        .containsExactlyInAnyOrder(
            Violation.DUPLICATE_ID,
            Violation.NOT_REGISTER_ADMINISTRATOR,
            Violation.UNKNOWN_PERSON,
            Violation.UNKNOWN_POSITION);
  }

  @Test
  void nobodySubstitutesForThemselves() {
    Verdict self =
        Validator.validate(
            DEMO,
            new NewSubstitution(
                Substitution.of(
                    "S1",
                    "ah-vergunningen",
                    "afdelingshoofd-vergunningen",
                    Window.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)),
                    NOW),
                ADMIN));
    Verdict other =
        Validator.validate(
            DEMO,
            new NewSubstitution(
                Substitution.of(
                    "S1",
                    "ah-vth",
                    "afdelingshoofd-vergunningen",
                    Window.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)),
                    NOW),
                ADMIN));
    Verdict invalid =
        Validator.validate(
            DEMO,
            new NewSubstitution(
                Substitution.of(
                    "S1",
                    "ah-vth",
                    "afdelingshoofd-vergunningen",
                    Window.of(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 1)),
                    NOW),
                ADMIN));
    assertThat(self.codes()).containsExactly(Violation.SELF_SUBSTITUTION);
    assertThat(other.codes()).isEmpty();
    assertThat(invalid.codes()).containsExactly(Violation.INVALID_WINDOW);
  }
}
