package nl.mandaat.core;

import static nl.mandaat.core.DemoFixtures.SNAPSHOT;
import static nl.mandaat.core.DemoFixtures.endOf;
import static nl.mandaat.core.DemoFixtures.noon;
import static nl.mandaat.core.DemoFixtures.person;
import static nl.mandaat.core.DemoFixtures.position;
import static nl.mandaat.core.DemoFixtures.startOf;
import static nl.mandaat.core.RegisterFixtures.JAN_1_2027;
import static nl.mandaat.core.RegisterFixtures.JUN_30_2027;
import static nl.mandaat.core.RegisterFixtures.demoGrant;
import static nl.mandaat.core.RegisterFixtures.demoWith;
import static nl.mandaat.core.RegisterFixtures.mandate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each rule the evaluator applies, at its boundaries. */
class EvaluatorRulesTests {

  private static final Grant WINDOWED =
      mandate("W1", "afdelingshoofd-financien", "subsidie-toekenning")
          .window(Window.of(JAN_1_2027, JUN_30_2027))
          .build();
  private static final RegisterSnapshot WINDOWED_SNAPSHOT = RegisterSnapshot.of(demoWith(WINDOWED));

  private static Evaluation windowed(Instant at) {
    return WINDOWED_SNAPSHOT.evaluate(
        Question.builder()
            .position("afdelingshoofd-financien")
            .decisionType("subsidie-toekenning")
            .orgUnit("financien")
            .at(at)
            .build());
  }

  @Test
  void aGrantPermitsFromTheFirstMomentOfItsFirstDay() {
    assertThat(windowed(startOf(JAN_1_2027)).permit()).isTrue();
    Evaluation before = windowed(startOf(JAN_1_2027).minusNanos(1));
    assertThat(before.reason()).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(before.failedAt().orElseThrow().condition()).isEqualTo("valid from 2027-01-01");
  }

  @Test
  void aGrantPermitsUntilTheLastMomentOfItsLastDay() {
    assertThat(windowed(endOf(JUN_30_2027)).permit()).isTrue();
    Evaluation after = windowed(endOf(JUN_30_2027).plusNanos(1));
    assertThat(after.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(after.failedAt().orElseThrow().grantId()).isEqualTo("W1");
    assertThat(after.failedAt().orElseThrow().condition()).isEqualTo("valid to 2027-06-30");
    // The same grant's other limit, and the first again: each deny names its own.
    assertThat(windowed(startOf(JAN_1_2027).minusNanos(1)).failedAt().orElseThrow().condition())
        .isEqualTo("valid from 2027-01-01");
    assertThat(windowed(endOf(JUN_30_2027).plusNanos(1)).failedAt().orElseThrow().condition())
        .isEqualTo("valid to 2027-06-30");
  }

  @Test
  void aSubGrantDatedValidFallsWithItsRevokedParent() {
    Grant parent = demoGrant("G05-afdelingshoofd-vergunningen");
    Instant revokedAt = noon(2026, 9, 1);
    Register r =
        demoWith(
            b ->
                b.revocation(
                    Revocation.of(
                        parent.id(), revokedAt, "reorganisatie", "Intrekkingsbesluit 1")));
    RegisterSnapshot s = RegisterSnapshot.of(r);
    Question.Builder q =
        Question.builder()
            .person("tm-omgeving")
            .decisionType("omgevingsvergunning-regulier")
            .orgUnit("vergunningen");
    Evaluation just = s.evaluate(q.at(revokedAt.minusNanos(1)).build());
    Evaluation at = s.evaluate(q.at(revokedAt).build());
    assertThat(just.permit()).isTrue();
    assertThat(at.permit()).isFalse();
    assertThat(at.reason()).isEqualTo(Reason.REVOKED);
    assertThat(at.failedAt().orElseThrow().grantId()).isEqualTo(parent.id());
    assertThat(r.revokedAt("G06-teammanager-omgeving")).contains(revokedAt);
    assertThat(r.inForce("G06-teammanager-omgeving", revokedAt)).isFalse();
  }

  @Test
  void aGrantRecordedLaterDoesNotCountForEarlierMoments() {
    Grant late =
        mandate("L1", "afdelingshoofd-financien", "subsidie-toekenning")
            .recordedAt(noon(2026, 3, 1))
            .build();
    RegisterSnapshot s = RegisterSnapshot.of(demoWith(late));
    Question.Builder q =
        Question.builder()
            .position("afdelingshoofd-financien")
            .decisionType("subsidie-toekenning")
            .orgUnit("financien");
    assertThat(s.evaluate(q.at(noon(2026, 3, 1).minusNanos(1)).build()).reason())
        .isEqualTo(Reason.NO_MANDATE);
    assertThat(s.evaluate(q.at(noon(2026, 3, 1)).build()).permit()).isTrue();
  }

  @Test
  void theCeilingItselfIsPermittedAndOneCentAboveIsNot() {
    Question.Builder q = person("ah-wi", "bijzondere-bijstand").orgUnit("wi");
    assertThat(SNAPSHOT.evaluate(q.amount("5000.00").build()).permit()).isTrue();
    Evaluation above = SNAPSHOT.evaluate(q.amount("5000.01").build());
    assertThat(above.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    // Rule 22: the directeur exercises the same grant within its limits, so the body decides.
    assertThat(above.escalateTo()).contains("college");
  }

  @Test
  void aSubMandateCeilingIsReducedToTheLowestInTheChain() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("tm-uitkeringen", "bijzondere-bijstand").amount("2500.01").build());
    assertThat(e.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(e.escalateTo()).contains("afdelingshoofd-wi");
    assertThat(e.failedAt().orElseThrow().grantId()).isEqualTo("G10-teammanager-uitkeringen");
  }

  @Test
  void escalationPassesOverAPositionUpTheLineThatNoLongerExists() {
    Position head = DemoFixtures.REGISTER.positions().get("afdelingshoofd-wi");
    LocalDate lastDay = LocalDate.of(2026, 3, 31);
    RegisterSnapshot s =
        RegisterSnapshot.of(
            demoWith(
                b ->
                    b.position(
                        new Position(
                            head.code(),
                            head.name(),
                            head.unitCode(),
                            head.reportsTo(),
                            head.singleHolder(),
                            head.external(),
                            Window.of(LocalDate.of(2020, 1, 1), lastDay)))));
    Question.Builder q =
        Question.builder()
            .person("tm-uitkeringen")
            .decisionType("bijzondere-bijstand")
            .amount("2500.01");
    // On its last day the afdelingshoofd takes what exceeds the teammanager's ceiling.
    assertThat(s.evaluate(q.at(endOf(lastDay)).build()).escalateTo()).contains("afdelingshoofd-wi");
    // The next day it is gone: the directeur above it exercises its grant (rule 20).
    Evaluation after = s.evaluate(q.at(startOf(lastDay.plusDays(1))).build());
    assertThat(after.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(after.escalateTo()).contains(head.reportsTo());
  }

  @Test
  void aUnitOutsideTheGrantIsOutOfScope() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "inkoop-overeenkomst").orgUnit("vth").amount("100").build());
    assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
    assertThat(e.escalateTo()).contains("directeur-stad");
  }

  @Test
  void aUnitBelowTheGrantsUnitIsCovered() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("ah-wi", "bijzondere-bijstand").orgUnit("uitkeringen").amount("100").build());
    assertThat(e.permit()).isTrue();
  }

  @Test
  void anUnknownUnitIsOutOfScope() {
    Evaluation e =
        SNAPSHOT.evaluate(person("ah-wi", "bijzondere-bijstand").orgUnit("nergens").build());
    assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
  }

  @Test
  void aHigherManagerExercisesAGrantHeldBelowWithinItsLimits() {
    Question.Builder q = person("secretaris", "bijzondere-bijstand").orgUnit("uitkeringen");
    Evaluation within = SNAPSHOT.evaluate(q.amount("5000").build());
    Evaluation above = SNAPSHOT.evaluate(q.amount("5000.01").build());
    assertThat(within.permit()).isTrue();
    assertThat(within.chain())
        .extracting(ChainLink::kind)
        .containsExactly(
            ChainLink.Kind.MANDATE, ChainLink.Kind.HIGHER_POSITION, ChainLink.Kind.ASSIGNMENT);
    assertThat(within.chain().get(1).grantor()).isEqualTo("afdelingshoofd-wi");
    assertThat(above.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
  }

  @Test
  void aGrantThatExcludesHigherPositionsIsNotExercisedFromAbove() {
    Grant excluded =
        mandate("X1", "afdelingshoofd-hr", "subsidie-toekenning")
            .excludesHigherPositions(true)
            .build();
    RegisterSnapshot s = RegisterSnapshot.of(demoWith(excluded));
    Question.Builder q = Question.builder().decisionType("subsidie-toekenning").orgUnit("hr");
    assertThat(s.evaluate(q.position("afdelingshoofd-hr").build()).permit()).isTrue();
    assertThat(s.evaluate(q.position("directeur-bedrijfsvoering").build()).reason())
        .isEqualTo(Reason.NO_MANDATE);
    // Its holder still has it, for its own units only.
    Evaluation elsewhere = s.evaluate(q.position("afdelingshoofd-hr").orgUnit("financien").build());
    assertThat(elsewhere.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
    assertThat(elsewhere.failedAt().orElseThrow().grantId()).isEqualTo("X1");
  }

  @Test
  void aHigherPositionMayNotSubMandateFromAGrantHeldBelow() {
    Evaluation e =
        SNAPSHOT.evaluate(
            position("directeur-stad", "omgevingsvergunning-regulier")
                .action(Action.SUB_MANDATE)
                .orgUnit("vergunningen")
                .build());
    assertThat(e.permit()).isFalse();
  }

  @Test
  void aGrantWithoutSubMandateDoesNotPermitSubMandating() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "omgevingsvergunning-regulier")
                .action(Action.SUB_MANDATE)
                .orgUnit("vergunningen")
                .build());
    assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    assertThat(e.failedAt().orElseThrow().condition()).isEqualTo("sub-mandate not allowed");
  }

  @Test
  void aSignatureMandateSignsInTheBodysOwnNameButDoesNotDecide() {
    Grant sign =
        mandate("S1", "afdelingshoofd-publiekszaken", "subsidie-toekenning")
            .kind(GrantKind.SIGNATURE_MANDATE)
            .build();
    RegisterSnapshot s = RegisterSnapshot.of(demoWith(sign));
    Question.Builder q =
        Question.builder()
            .person("ah-publiek")
            .decisionType("subsidie-toekenning")
            .at(DemoFixtures.MID_2026);
    Evaluation signs = s.evaluate(q.action(Action.SIGN).build());
    Evaluation decides = s.evaluate(q.action(Action.DECIDE).build());
    assertThat(signs.permit()).isTrue();
    // Awb 10:11
    assertThat(signs.signature())
        .contains("het college van burgemeester en wethouders van Zoetermeer");
    assertThat(signs.chain().get(0).kind()).isEqualTo(ChainLink.Kind.SIGNATURE_MANDATE);
    assertThat(decides.reason()).isEqualTo(Reason.NO_MANDATE);
  }

  @Test
  void aFineIsNotImposedByThePersonWhoReportedTheOffence() {
    Grant boete = mandate("B1", "afdelingshoofd-vth", "bestuurlijke-boete").build();
    RegisterSnapshot s = RegisterSnapshot.of(demoWith(boete));
    Question.Builder q =
        Question.builder()
            .person("ah-vth")
            .decisionType("bestuurlijke-boete")
            .at(DemoFixtures.MID_2026);
    assertThat(s.evaluate(q.reportedBy("ah-vth").build()).reason()).isEqualTo(Reason.SAME_DECIDER);
    assertThat(s.evaluate(q.reportedBy("mw-vergunningen").build()).permit()).isTrue();
  }

  @Test
  void theBodyAlwaysDecidesItselfUnlessItDelegatedThePower() {
    Question.Builder college =
        Question.builder().body("college").decisionType("inkoop-overeenkomst").amount("10000000");
    Evaluation e = SNAPSHOT.evaluate(college.at(DemoFixtures.MID_2026).build());
    assertThat(e.permit()).isTrue();
    assertThat(e.chain()).extracting(ChainLink::kind).containsExactly(ChainLink.Kind.BODY);
    assertThat(e.signature()).contains("het college van burgemeester en wethouders van Zoetermeer");
  }

  @Test
  void aMandateFromTheDelegatorStopsWhileTheDelegationIsInForce() {
    Grant raadMandate =
        mandate("R1", "gemeentesecretaris", "uitwerkingsplan").grantor("raad").build();
    RegisterSnapshot s = RegisterSnapshot.of(demoWith(raadMandate));
    Evaluation e = s.evaluate(position("gemeentesecretaris", "uitwerkingsplan").build());
    assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    assertThat(e.failedAt().orElseThrow().condition())
        .isEqualTo("the mandator does not hold the power");
  }

  @Test
  void aMandateUnderDelegationFallsWhenTheDelegationIsRevoked() {
    Grant collegeMandate =
        mandate("U1", "directeur-stad", "uitwerkingsplan").parent("G01-college").build();
    Instant revokedAt = noon(2026, 8, 1);
    Register r =
        demoWith(
            b ->
                b.grant(collegeMandate)
                    .revocation(
                        Revocation.of("G01-college", revokedAt, "terug", "Raadsbesluit 2")));
    RegisterSnapshot s = RegisterSnapshot.of(r);
    Question.Builder q =
        Question.builder().position("directeur-stad").decisionType("uitwerkingsplan");
    Evaluation before = s.evaluate(q.at(noon(2026, 7, 1)).build());
    assertThat(before.permit()).isTrue();
    assertThat(before.chain())
        .extracting(ChainLink::kind)
        .containsExactly(ChainLink.Kind.DELEGATION, ChainLink.Kind.MANDATE);
    assertThat(before.signature())
        .contains(
            "namens het college van burgemeester en wethouders van Zoetermeer, krachtens "
                + "Delegatiebesluit uitwerkingsplannen gemeenteraad Zoetermeer");
    assertThat(s.evaluate(q.at(revokedAt).build()).reason()).isEqualTo(Reason.REVOKED);
    Evaluation raad =
        s.evaluate(
            Question.builder().body("raad").decisionType("uitwerkingsplan").at(revokedAt).build());
    assertThat(raad.permit()).isTrue();
  }

  @Test
  void anUnknownSubjectOrDecisionTypeIsDenied() {
    assertThat(SNAPSHOT.evaluate(person("niemand", "inkoop-overeenkomst").build()).reason())
        .isEqualTo(Reason.UNKNOWN_SUBJECT);
    assertThat(SNAPSHOT.evaluate(position("niemand", "inkoop-overeenkomst").build()).reason())
        .isEqualTo(Reason.UNKNOWN_SUBJECT);
    assertThat(
            SNAPSHOT
                .evaluate(
                    Question.builder()
                        .body("provincie")
                        .decisionType("inkoop-overeenkomst")
                        .build())
                .reason())
        .isEqualTo(Reason.UNKNOWN_SUBJECT);
    assertThat(SNAPSHOT.evaluate(person("tm-omgeving", "bestaat-niet").build()).reason())
        .isEqualTo(Reason.UNKNOWN_DECISION_TYPE);
  }

  @Test
  void withoutARegisterEveryQuestionIsDeniedAsUnavailable() {
    Evaluation e =
        RegisterSnapshot.unavailable()
            .evaluate(person("secretaris", "inkoop-overeenkomst").build());
    assertThat(e.permit()).isFalse();
    assertThat(e.reason()).isEqualTo(Reason.REGISTER_UNAVAILABLE);
    assertThat(e.reasonText().nl()).contains("niet beschikbaar");
    assertThat(
            RegisterSnapshot.unavailable()
                .whoMayDecide("inkoop-overeenkomst", null, null, Instant.now()))
        .isEmpty();
  }

  @Test
  void anAmountWithMoreThanTwoDecimalsIsRejected() {
    assertThatThrownBy(() -> person("tm-omgeving", "inkoop-overeenkomst").amount("1.001").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(person("tm-omgeving", "inkoop-overeenkomst").amount("1.000").build().amount())
        .isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void aRevokedGrantIsReportedOnlyWhenNothingBetterExplainsTheDeny() {
    Grant revoked = mandate("V1", "afdelingshoofd-hr", "subsidie-toekenning").build();
    Grant expired =
        mandate("V2", "afdelingshoofd-hr", "subsidie-toekenning")
            .window(Window.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
            .build();
    Register r =
        demoWith(
            b ->
                b.grant(revoked)
                    .grant(expired)
                    .revocation(Revocation.of("V1", noon(2026, 2, 1), "weg", "Besluit 3")));
    Evaluation e =
        RegisterSnapshot.of(r)
            .evaluate(position("afdelingshoofd-hr", "subsidie-toekenning").orgUnit("hr").build());
    assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void aPersonWhoNeverHeldAPositionIsKnownAndHasNoMandate() {
    Register r = demoWith(b -> b.person(Person.of("nieuw", "Nieuwe Medewerker")));
    Evaluation e = RegisterSnapshot.of(r).evaluate(person("nieuw", "inkoop-overeenkomst").build());
    assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    assertThat(e.failedAt().orElseThrow().condition()).isEqualTo("no position held at this moment");
  }

  @Test
  void aPersonWithoutAPositionAtTheMomentHasNoMandate() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "inkoop-overeenkomst").at(noon(2025, 12, 1)).build());
    assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    assertThat(e.failedAt().orElseThrow().condition()).isEqualTo("no position held at this moment");
  }

  @Test
  void anExternalMandataryWithConsentDecidesOnlyAsFarAsTheMandateGoes() {
    Register r =
        demoWith(
            b ->
                b.unit(
                        OrgUnit.of(
                            "odh", "Omgevingsdienst Haaglanden", null, OrgUnit.Kind.GEMEENTE, 400))
                    .position(
                        new Position(
                            "odh-teamleider",
                            "Teamleider ODH",
                            "odh",
                            null,
                            true,
                            true,
                            Window.ALWAYS))
                    .grant(
                        mandate("E1", "odh-teamleider", "handhavingsbesluit-dwangsom")
                            .orgUnits("gemeente")
                            .ceiling("1000")
                            .consent(new Consent("ODH-instemming-1", "ODH-directie-1"))
                            .build()));
    RegisterSnapshot s = RegisterSnapshot.of(r);
    Question.Builder q = position("odh-teamleider", "handhavingsbesluit-dwangsom").orgUnit("vth");
    assertThat(s.evaluate(q.amount("1000").build()).permit()).isTrue();
    Evaluation above = s.evaluate(q.amount("1000.01").build());
    assertThat(above.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(above.escalateTo()).contains("college");
  }

  @Test
  void aCycleInTheReportingLineIsCutInsteadOfLoopingForever() {
    Register r =
        demoWith(
            b ->
                b.position(Position.of("kring-a", "Kring A", "hr", "kring-b"))
                    .position(Position.of("kring-b", "Kring B", "hr", "kring-a"))
                    .grant(mandate("K1", "kring-a", "subsidie-toekenning").ceiling("100").build()));
    RegisterSnapshot s = RegisterSnapshot.of(r);
    Evaluation own = s.evaluate(position("kring-a", "subsidie-toekenning").amount("100").build());
    Evaluation above = s.evaluate(position("kring-a", "subsidie-toekenning").amount("101").build());
    assertThat(own.permit()).isTrue();
    assertThat(above.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(above.escalateTo()).contains("college");
  }
}
