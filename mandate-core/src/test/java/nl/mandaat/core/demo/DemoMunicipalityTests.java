package nl.mandaat.core.demo;

import static nl.mandaat.core.DemoFixtures.SNAPSHOT;
import static nl.mandaat.core.DemoFixtures.noon;
import static nl.mandaat.core.DemoFixtures.person;
import static nl.mandaat.core.DemoFixtures.position;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import nl.mandaat.core.Action;
import nl.mandaat.core.ChainLink;
import nl.mandaat.core.Competence;
import nl.mandaat.core.DecisionMaker;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.Reason;
import nl.mandaat.core.Register;
import nl.mandaat.core.Subject;
import nl.mandaat.core.Validator;
import org.junit.jupiter.api.Test;

/** The questions a manager asks of the demo municipality, and their answers. */
class DemoMunicipalityTests {

  private static List<String> holders(Evaluation e) {
    return e.chain().stream().map(l -> l.holder() != null ? l.holder() : l.position()).toList();
  }

  @Test
  void theSeedHasEveryBodyUnitPositionUserAndTheFifteenGrantRows() {
    Register r = DemoMunicipality.register();
    assertThat(r.bodies()).containsOnlyKeys("raad", "college", "burgemeester");
    assertThat(r.units()).hasSize(16);
    assertThat(r.persons())
        .hasSize(23)
        .containsKeys(DemoMunicipality.USERS.keySet().toArray(String[]::new));
    assertThat(r.grants().keySet().stream().map(id -> id.substring(0, 3)).distinct()).hasSize(15);
    assertThat(r.grants()).containsKeys("G02-directeur-stad", "G04-teammanager-omgeving");
    assertThat(r.decisionTypes().get("verordening-vaststellen").mandatable()).isFalse();
    assertThat(r.decisionTypes().get("begroting-vaststellen").reservedToRaad()).isTrue();
  }

  @Test
  void everySeedGrantPassesValidationAgainstTheRestOfTheSeed() {
    Register r = DemoMunicipality.register();
    Register.Builder without = r.toBuilder();
    // Rebuild grant by grant, validating each against what came before it.
    Register.Builder empty = Register.builder();
    r.bodies().values().forEach(empty::body);
    r.units().values().forEach(empty::unit);
    r.positions().values().forEach(empty::position);
    r.persons().values().forEach(empty::person);
    r.decisionTypes().values().forEach(empty::decisionType);
    r.assignments().forEach(empty::assignment);
    Register current = empty.build();
    for (var g : r.grants().values()) {
      var actor =
          g.parentGrantId() == null
              ? DemoMunicipality.ADMINISTRATOR
              : nl.mandaat.core.Actor.person(personHolding(g.grantor()));
      var change = new nl.mandaat.core.RegisterChange.NewGrant(g, actor);
      assertThat(Validator.validate(current, change).violations()).as(g.id()).isEmpty();
      current = current.with(change);
    }
    assertThat(without.build().grants()).hasSameSizeAs(current.grants());
  }

  private static String personHolding(String position) {
    return DemoMunicipality.USERS.entrySet().stream()
        .filter(e -> e.getValue().equals(position))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  @Test
  void teammanagerOmgevingMayBuyForEightThousandThroughTheWholeChain() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "inkoop-overeenkomst")
                .orgUnit("vergunningen")
                .amount("8000")
                .build());
    assertThat(e.permit()).isTrue();
    assertThat(e.reason()).isEqualTo(Reason.PERMIT);
    assertThat(holders(e))
        .containsExactly(
            "directeur-stad",
            "afdelingshoofd-vergunningen",
            "teammanager-omgeving",
            "teammanager-omgeving");
    assertThat(e.chain().get(0).grantor()).isEqualTo("college");
    assertThat(e.chain())
        .extracting(ChainLink::kind)
        .containsExactly(
            ChainLink.Kind.MANDATE,
            ChainLink.Kind.SUB_MANDATE,
            ChainLink.Kind.SUB_MANDATE,
            ChainLink.Kind.ASSIGNMENT);
    assertThat(e.chain().get(3).person()).isEqualTo("tm-omgeving");
    assertThat(e.signature())
        .contains("namens het college van burgemeester en wethouders van Zoetermeer");
    assertThat(e.conditions()).isEmpty();
    assertThat(e.instructions()).contains("binnen het toegekende budget");
    assertThat(e.revision()).isEqualTo(1);
  }

  @Test
  void teammanagerOmgevingMayBuyUpToTheCeilingItselfButNotOneCentAbove() {
    Evaluation atCeiling =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "inkoop-overeenkomst")
                .orgUnit("vergunningen")
                .amount("10000.00")
                .build());
    Evaluation above =
        SNAPSHOT.evaluate(
            person("tm-omgeving", "inkoop-overeenkomst")
                .orgUnit("vergunningen")
                .amount("10000.01")
                .build());
    assertThat(atCeiling.permit()).isTrue();
    assertThat(above.permit()).isFalse();
    assertThat(above.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(above.escalateTo()).contains("afdelingshoofd-vergunningen");
    assertThat(above.failedAt().orElseThrow().grantId()).isEqualTo("G04-teammanager-omgeving");
    assertThat(above.failedAt().orElseThrow().condition()).isEqualTo("ceiling 10000.00");
  }

  @Test
  void aDirectorNeedsTheCoSignOfInkoopOnlyAboveFiftyThousand() {
    Evaluation at50k =
        SNAPSHOT.evaluate(
            person("dir-stad", "inkoop-overeenkomst").orgUnit("stad").amount("50000").build());
    Evaluation above =
        SNAPSHOT.evaluate(
            person("dir-stad", "inkoop-overeenkomst").orgUnit("stad").amount("50000.01").build());
    assertThat(at50k.permit()).isTrue();
    assertThat(at50k.conditions()).isEmpty();
    assertThat(above.permit()).isTrue();
    assertThat(above.conditions()).containsExactly("CO_SIGN:inkoop");
  }

  @Test
  void aDirectorAboveTheCeilingEscalatesToTheSecretaryOrTheCollege() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("dir-stad", "inkoop-overeenkomst").orgUnit("stad").amount("250000.01").build());
    assertThat(e.reason()).isEqualTo(Reason.CEILING_EXCEEDED);
    assertThat(e.escalateTo()).contains("college");
  }

  @Test
  void aMedewerkerHasNoMandate() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("mw-vergunningen", "inkoop-overeenkomst")
                .orgUnit("vergunningen")
                .amount("100")
                .build());
    assertThat(e.permit()).isFalse();
    assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    assertThat(e.escalateTo()).contains("teammanager-omgeving");
  }

  @Test
  void theSubstituteMayDecideOnTheFirstAndLastDayOfTheSubstitutionOnly() {
    for (Instant inside : List.of(noon(2026, 12, 1), noon(2026, 12, 31))) {
      Evaluation e =
          SNAPSHOT.evaluate(
              person("ah-vth", "omgevingsvergunning-regulier")
                  .orgUnit("vergunningen")
                  .at(inside)
                  .build());
      assertThat(e.permit()).as(inside.toString()).isTrue();
      assertThat(e.chain().get(e.chain().size() - 1).kind()).isEqualTo(ChainLink.Kind.SUBSTITUTION);
      assertThat(e.position()).contains("afdelingshoofd-vergunningen");
    }
    for (Instant outside : List.of(noon(2026, 11, 30), noon(2027, 1, 1))) {
      Evaluation e =
          SNAPSHOT.evaluate(
              person("ah-vth", "omgevingsvergunning-regulier")
                  .orgUnit("vergunningen")
                  .at(outside)
                  .build());
      assertThat(e.permit()).as(outside.toString()).isFalse();
      assertThat(e.reason()).isEqualTo(Reason.NO_MANDATE);
    }
  }

  @Test
  void theSubstituteMayNotSubMandate() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("ah-vth", "omgevingsvergunning-regulier")
                .action(Action.SUB_MANDATE)
                .orgUnit("vergunningen")
                .at(noon(2026, 12, 15))
                .build());
    assertThat(e.permit()).isFalse();
    assertThat(e.reason()).isEqualTo(Reason.SUBSTITUTE_MAY_NOT_GRANT);
    Evaluation holder =
        SNAPSHOT.evaluate(
            person("ah-vergunningen", "omgevingsvergunning-regulier")
                .action(Action.SUB_MANDATE)
                .orgUnit("vergunningen")
                .at(noon(2026, 12, 15))
                .build());
    assertThat(holder.permit()).isTrue();
  }

  @Test
  void theDirectorMayExerciseTheTeammanagersGrantAsAHigherPosition() {
    Evaluation e =
        SNAPSHOT.evaluate(
            position("directeur-stad", "omgevingsvergunning-regulier")
                .orgUnit("omgevingsvergunningen")
                .build());
    assertThat(e.permit()).isTrue();
    assertThat(e.chain())
        .extracting(ChainLink::kind)
        .containsExactly(ChainLink.Kind.MANDATE, ChainLink.Kind.HIGHER_POSITION);
    assertThat(e.chain().get(1).grantor()).isEqualTo("afdelingshoofd-vergunningen");
    assertThat(e.chain().get(1).holder()).isEqualTo("directeur-stad");
  }

  @Test
  void aPoliticallySensitivePermitGoesToTheCollege() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("ah-vergunningen", "omgevingsvergunning-regulier")
                .orgUnit("vergunningen")
                .politicallySensitive()
                .build());
    assertThat(e.reason()).isEqualTo(Reason.ESCALATE);
    assertThat(e.escalateTo()).contains("college");
  }

  @Test
  void aHardshipDeviationInWmoGoesToTheDirectorWhoMayTakeIt() {
    Evaluation head =
        SNAPSHOT.evaluate(
            person("ah-mo", "wmo-maatwerkvoorziening").orgUnit("mo").deviatesFromPolicy().build());
    assertThat(head.reason()).isEqualTo(Reason.ESCALATE);
    assertThat(head.escalateTo()).contains("directeur-samenleving");
    Evaluation director =
        SNAPSHOT.evaluate(
            person("dir-sam", "wmo-maatwerkvoorziening")
                .orgUnit("mo")
                .deviatesFromPolicy()
                .build());
    assertThat(director.permit()).isTrue();
  }

  @Test
  void anObjectionIsNeverDecidedByThePrimaryDeciderNorUnderMandateWhenTheCollegeDecided() {
    Evaluation same =
        SNAPSHOT.evaluate(
            person("ah-juridisch", "beslissing-op-bezwaar")
                .orgUnit("juridische-zaken")
                .objectionAgainst("ah-juridisch", false)
                .build());
    Evaluation other =
        SNAPSHOT.evaluate(
            person("ah-juridisch", "beslissing-op-bezwaar")
                .orgUnit("juridische-zaken")
                .objectionAgainst("tm-omgeving", false)
                .build());
    Evaluation byCollege =
        SNAPSHOT.evaluate(
            person("ah-juridisch", "beslissing-op-bezwaar")
                .orgUnit("juridische-zaken")
                .objectionAgainst(null, true)
                .build());
    assertThat(same.reason()).isEqualTo(Reason.SAME_DECIDER);
    assertThat(other.permit()).isTrue();
    assertThat(byCollege.reason()).isEqualTo(Reason.ESCALATE);
    assertThat(byCollege.escalateTo()).contains("college");
  }

  @Test
  void aVerordeningIsNeverMandatedAndTheBudgetStaysWithTheRaad() {
    Evaluation verordening =
        SNAPSHOT.evaluate(person("secretaris", "verordening-vaststellen").build());
    Evaluation begroting =
        SNAPSHOT.evaluate(position("gemeentesecretaris", "begroting-vaststellen").build());
    assertThat(verordening.reason()).isEqualTo(Reason.NOT_MANDATABLE);
    assertThat(begroting.reason()).isEqualTo(Reason.NOT_MANDATABLE);
    assertThat(begroting.escalateTo()).contains("raad");
    assertThat(
            SNAPSHOT
                .evaluate(
                    nl.mandaat.core.Question.builder()
                        .body("raad")
                        .decisionType("begroting-vaststellen")
                        .at(noon(2026, 6, 1))
                        .build())
                .permit())
        .isTrue();
  }

  @Test
  void theCollegeDecidesUitwerkingsplannenUnderDelegationAndTheRaadNoLonger() {
    Evaluation college =
        SNAPSHOT.evaluate(
            nl.mandaat.core.Question.builder()
                .body("college")
                .decisionType("uitwerkingsplan")
                .at(noon(2026, 6, 1))
                .build());
    Evaluation raad =
        SNAPSHOT.evaluate(
            nl.mandaat.core.Question.builder()
                .body("raad")
                .decisionType("uitwerkingsplan")
                .at(noon(2026, 6, 1))
                .build());
    assertThat(college.permit()).isTrue();
    assertThat(college.chain())
        .extracting(ChainLink::kind)
        .containsExactly(ChainLink.Kind.DELEGATION);
    assertThat(college.signature().orElseThrow())
        .startsWith("het college van burgemeester en wethouders van Zoetermeer, krachtens");
    assertThat(raad.permit()).isFalse();
    assertThat(raad.escalateTo()).contains("college");
  }

  @Test
  void eventPermitsAreSignedOnBehalfOfTheBurgemeester() {
    Evaluation e =
        SNAPSHOT.evaluate(
            person("ah-publiek", "evenementenvergunning").orgUnit("publiekszaken").build());
    assertThat(e.permit()).isTrue();
    assertThat(e.signature()).contains("namens de burgemeester van Zoetermeer");
  }

  @Test
  void wooDecisionsCoverOnlyTheHeadsOwnAfdelingAndNeedJuridischeZaken() {
    Evaluation own = SNAPSHOT.evaluate(person("ah-hr", "woo-besluit").orgUnit("hr").build());
    Evaluation other = SNAPSHOT.evaluate(person("ah-hr", "woo-besluit").orgUnit("inkoop").build());
    assertThat(own.permit()).isTrue();
    assertThat(own.conditions()).containsExactly("CO_SIGN:juridische-zaken");
    assertThat(other.reason()).isEqualTo(Reason.OUT_OF_SCOPE);
    assertThat(other.escalateTo()).contains("directeur-bedrijfsvoering");
  }

  @Test
  void beforeTheSeedNobodyMayDecideAnything() {
    Evaluation e =
        SNAPSHOT.evaluate(
            position("directeur-stad", "inkoop-overeenkomst")
                .amount("1")
                .at(noon(2025, 6, 1))
                .build());
    assertThat(e.permit()).isFalse();
  }

  @Test
  void whoMayDecideAPurchaseOfEightThousandForVergunningenListsTheLowestLevelFirst() {
    List<DecisionMaker> makers =
        SNAPSHOT.whoMayDecide(
            "inkoop-overeenkomst", "vergunningen", new BigDecimal("8000"), noon(2026, 6, 1));
    assertThat(makers)
        .extracting(DecisionMaker::position)
        .containsExactly(
            "teammanager-omgeving",
            "afdelingshoofd-vergunningen",
            "directeur-stad",
            "gemeentesecretaris");
    assertThat(makers.get(0).holders()).containsExactly("tm-omgeving");
    List<DecisionMaker> december =
        SNAPSHOT.whoMayDecide(
            "inkoop-overeenkomst", "vergunningen", new BigDecimal("20000"), noon(2026, 12, 10));
    assertThat(december.get(0).position()).isEqualTo("afdelingshoofd-vergunningen");
    assertThat(december.get(0).substitutes()).containsExactly("ah-vth");
  }

  @Test
  void whatMayTheTeammanagerDecideListsBothGrantsWithTheirCeilings() {
    List<Competence> c = SNAPSHOT.whatMayDecide(Subject.person("tm-omgeving"), noon(2026, 6, 1));
    assertThat(c)
        .extracting(Competence::decisionType)
        .containsExactlyInAnyOrder("inkoop-overeenkomst", "omgevingsvergunning-regulier");
    assertThat(c.stream().filter(x -> x.decisionType().equals("inkoop-overeenkomst")).findFirst())
        .get()
        .extracting(Competence::ceiling)
        .isEqualTo(new BigDecimal("10000.00"));
  }
}
