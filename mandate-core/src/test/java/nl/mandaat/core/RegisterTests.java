package nl.mandaat.core;

import static nl.mandaat.core.DemoFixtures.REGISTER;
import static nl.mandaat.core.DemoFixtures.noon;
import static nl.mandaat.core.RegisterFixtures.mandate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.mandaat.core.RegisterChange.NewGrant;
import nl.mandaat.core.RegisterChange.RevokeGrant;
import nl.mandaat.core.demo.DemoMunicipality;
import org.junit.jupiter.api.Test;

/** The register as source data: every change a new revision, nothing ever removed. */
class RegisterTests {

  @Test
  void everyChangeRaisesTheRevisionAndLeavesTheOldRegisterUntouched() {
    Grant g = mandate("N1", "afdelingshoofd-hr", "subsidie-toekenning").build();
    Register next = REGISTER.with(new NewGrant(g, DemoMunicipality.ADMINISTRATOR));
    assertThat(next.revision()).isEqualTo(REGISTER.revision() + 1);
    assertThat(next.grants()).containsKey("N1");
    assertThat(REGISTER.grants()).doesNotContainKey("N1");
    Register revoked =
        next.with(
            new RevokeGrant(
                Revocation.of("N1", noon(2026, 7, 1), "klaar", "Besluit"),
                DemoMunicipality.ADMINISTRATOR));
    assertThat(revoked.revision()).isEqualTo(REGISTER.revision() + 2);
    assertThat(revoked.grants()).containsKey("N1");
    assertThat(revoked.revokedAt("N1")).contains(noon(2026, 7, 1));
  }

  @Test
  void aTakenGrantIdOrAnUnknownRevokedGrantIsRefused() {
    Grant g = mandate("G02-directeur-stad", "afdelingshoofd-hr", "subsidie-toekenning").build();
    assertThatThrownBy(() -> REGISTER.with(new NewGrant(g, DemoMunicipality.ADMINISTRATOR)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                REGISTER.with(
                    new RevokeGrant(
                        Revocation.of("G99", Instant.now(), null, null),
                        DemoMunicipality.ADMINISTRATOR)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theChainRunsFromTheRootGrantToTheGrant() {
    assertThat(REGISTER.chainOf("G04-teammanager-omgeving"))
        .extracting(Grant::id)
        .containsExactly(
            "G02-directeur-stad", "G03-afdelingshoofd-vergunningen", "G04-teammanager-omgeving");
    assertThat(REGISTER.chainOf("G99")).isEmpty();
  }

  @Test
  void aCyclicChainHasNoRoot() {
    Register r =
        RegisterFixtures.demoWith(
            b ->
                b.grant(mandate("C1", "directeur-stad", "subsidie-toekenning").parent("C2").build())
                    .grant(
                        mandate("C2", "directeur-stad", "subsidie-toekenning")
                            .parent("C1")
                            .build()));
    assertThat(r.chainOf("C1")).isEmpty();
    assertThat(r.inForce("C1", noon(2026, 6, 1))).isFalse();
    Evaluation e =
        RegisterSnapshot.of(r)
            .evaluate(DemoFixtures.position("directeur-stad", "subsidie-toekenning").build());
    assertThat(e.permit()).isFalse();
  }

  @Test
  void theGrantsInForceAreThoseRecordedValidAndNotRevokedThen() {
    assertThat(REGISTER.grantsInForce(noon(2026, 6, 1))).hasSize(REGISTER.grants().size());
    assertThat(REGISTER.grantsInForce(noon(2025, 12, 31))).isEmpty();
    Register revoked =
        REGISTER.with(
            new RevokeGrant(
                Revocation.of("G02-directeur-stad", noon(2026, 7, 1), "reorganisatie", "Besluit"),
                DemoMunicipality.ADMINISTRATOR));
    assertThat(revoked.grantsInForce(noon(2026, 7, 1)))
        .extracting(Grant::id)
        .doesNotContain(
            "G02-directeur-stad",
            "G03-afdelingshoofd-vergunningen",
            "G03-afdelingshoofd-vth",
            "G04-teammanager-omgeving")
        .contains("G02-directeur-samenleving");
  }

  @Test
  void datesAreTakenInTheRegistersZone() {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    Instant newYear = Instant.parse("2026-12-31T23:30:00Z");
    assertThat(REGISTER.dateAt(newYear)).isEqualTo(LocalDate.of(2027, 1, 1));
    Evaluation e =
        DemoFixtures.SNAPSHOT.evaluate(
            Question.builder()
                .person("ah-vth")
                .decisionType("omgevingsvergunning-regulier")
                .orgUnit("vergunningen")
                .at(newYear)
                .build());
    assertThat(e.permit()).isFalse();
    Evaluation before =
        DemoFixtures.SNAPSHOT.evaluate(
            Question.builder()
                .person("ah-vth")
                .decisionType("omgevingsvergunning-regulier")
                .orgUnit("vergunningen")
                .at(Instant.parse("2026-12-31T22:59:59Z"))
                .build());
    assertThat(before.permit()).isTrue();
  }
}
