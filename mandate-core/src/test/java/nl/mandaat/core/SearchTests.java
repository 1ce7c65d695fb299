package nl.mandaat.core;

import static nl.mandaat.core.DemoFixtures.SNAPSHOT;
import static nl.mandaat.core.DemoFixtures.noon;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Who may decide X" and "what may this subject decide". */
class SearchTests {

  @Test
  void nobodyBelowTheRaadIsListedForANotMandatableTypeOrAnUnknownUnit() {
    assertThat(SNAPSHOT.whoMayDecide("verordening-vaststellen", null, null, noon(2026, 6, 1)))
        .isEmpty();
    assertThat(SNAPSHOT.whoMayDecide("bestaat-niet", null, null, noon(2026, 6, 1))).isEmpty();
    assertThat(SNAPSHOT.whoMayDecide("inkoop-overeenkomst", "nergens", null, noon(2026, 6, 1)))
        .isEmpty();
  }

  @Test
  void aboveEveryCeilingOnlyTheBodyRemains() {
    assertThat(
            SNAPSHOT.whoMayDecide(
                "inkoop-overeenkomst",
                "vergunningen",
                new BigDecimal("250000.01"),
                noon(2026, 6, 1)))
        .isEmpty();
    List<DecisionMaker> atCeiling =
        SNAPSHOT.whoMayDecide(
            "inkoop-overeenkomst", "vergunningen", new BigDecimal("250000"), noon(2026, 6, 1));
    assertThat(atCeiling)
        .extracting(DecisionMaker::position)
        .containsExactly("directeur-stad", "gemeentesecretaris");
    assertThat(atCeiling.get(1).chain().get(atCeiling.get(1).chain().size() - 1).kind())
        .isEqualTo(ChainLink.Kind.HIGHER_POSITION);
  }

  @Test
  void withoutAUnitEveryPositionWithTheTypeIsListed() {
    assertThat(SNAPSHOT.whoMayDecide("woo-besluit", null, null, noon(2026, 6, 1)))
        .extracting(DecisionMaker::position)
        .contains(
            "afdelingshoofd-hr",
            "afdelingshoofd-vergunningen",
            "directeur-stad",
            "gemeentesecretaris")
        .doesNotContain("teammanager-omgeving");
  }

  @Test
  void aDirectorMayDecideWhatItsAfdelingenMayDecide() {
    List<Competence> c =
        SNAPSHOT.whatMayDecide(Subject.position("directeur-stad"), noon(2026, 6, 1));
    assertThat(c)
        .extracting(Competence::decisionType)
        .contains(
            "inkoop-overeenkomst",
            "aanstelling-personeel",
            "omgevingsvergunning-regulier",
            "handhavingsbesluit-dwangsom",
            "woo-besluit")
        .doesNotContain("bijzondere-bijstand");
    Competence own =
        c.stream()
            .filter(x -> x.decisionType().equals("inkoop-overeenkomst") && x.chain().size() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(own.ceiling()).isEqualByComparingTo("250000");
    assertThat(own.units()).containsExactly("stad");
    assertThat(own.conditions()).containsExactly("CO_SIGN:inkoop");
  }

  @Test
  void theSubstituteSeesTheMandatesOfThePositionOnlyDuringTheSubstitution() {
    List<Competence> during = SNAPSHOT.whatMayDecide(Subject.person("ah-vth"), noon(2026, 12, 15));
    List<Competence> after = SNAPSHOT.whatMayDecide(Subject.person("ah-vth"), noon(2027, 1, 1));
    assertThat(during)
        .anyMatch(
            x -> x.viaSubstitution() && x.decisionType().equals("omgevingsvergunning-regulier"));
    assertThat(after).noneMatch(Competence::viaSubstitution);
  }

  @Test
  void theRaadNoLongerDecidesWhatItDelegatedAndTheCollegeDoes() {
    List<Competence> raad = SNAPSHOT.whatMayDecide(Subject.body("raad"), noon(2026, 6, 1));
    List<Competence> college = SNAPSHOT.whatMayDecide(Subject.body("college"), noon(2026, 6, 1));
    assertThat(raad)
        .extracting(Competence::decisionType)
        .contains("begroting-vaststellen", "verordening-vaststellen")
        .doesNotContain("uitwerkingsplan");
    assertThat(college)
        .extracting(Competence::decisionType)
        .contains("uitwerkingsplan", "inkoop-overeenkomst");
  }

  @Test
  void beforeTheSeedNobodyHoldsAnything() {
    assertThat(SNAPSHOT.whatMayDecide(Subject.person("secretaris"), noon(2025, 6, 1))).isEmpty();
    assertThat(
            RegisterSnapshot.unavailable()
                .whatMayDecide(Subject.person("secretaris"), noon(2026, 6, 1)))
        .isEmpty();
  }
}
