package nl.mandaat.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mandaat.core.Question;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.core.demo.DemoMunicipality;
import org.casbin.jcasbin.main.Enforcer;
import org.junit.jupiter.api.Test;

/** The comparison is fair only when both engines give the same yes and no where both can answer. */
class CasbinRegisterTests {

  private final Enforcer enforcer =
      CasbinRegister.enforcer(DemoMunicipality.register(), DemoQuestions.MOMENT);
  private final RegisterSnapshot snapshot = RegisterSnapshot.of(DemoMunicipality.register());

  @Test
  void casbinPermitsEveryDemoQuestionMandaatPermits() {
    for (Question q : DemoQuestions.PERMITTED) {
      assertThat(snapshot.evaluate(q).permit()).as("mandaat on %s", q).isTrue();
      assertThat(enforce(q)).as("jCasbin on %s", q).isTrue();
    }
  }

  @Test
  void casbinDeniesAPersonWithoutMandateAndAUnitOutsideTheGrant() {
    assertThat(
            enforce(
                DemoQuestions.decide(
                    "mw-vergunningen", "inkoop-overeenkomst", "vergunningen", null)))
        .isFalse();
    assertThat(
            enforce(
                DemoQuestions.decide("ah-subsidies", "subsidie-toekenning", "vergunningen", null)))
        .isFalse();
  }

  @Test
  void everyDeniedDemoQuestionIsDeniedByMandaat() {
    for (Question q : DemoQuestions.DENIED) {
      assertThat(snapshot.evaluate(q).permit()).as("mandaat on %s", q).isFalse();
    }
  }

  private boolean enforce(Question q) {
    return enforcer.enforce(q.subject().code(), q.orgUnit(), q.decisionType(), "decide");
  }
}
