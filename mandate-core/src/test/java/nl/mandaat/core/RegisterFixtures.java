package nl.mandaat.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import nl.mandaat.core.demo.DemoMunicipality;

/** Small registers on top of the demo municipality, for one rule at a time. */
public final class RegisterFixtures {
  public static final Instant SEEDED = DemoMunicipality.SEEDED_AT;
  public static final LocalDate JAN_1_2027 = LocalDate.of(2027, 1, 1);
  public static final LocalDate JUN_30_2027 = LocalDate.of(2027, 6, 30);

  private RegisterFixtures() {}

  /** A college mandate for {@code type} to {@code holder}, from the seed date, recorded then. */
  public static Grant.Builder mandate(String id, String holder, String type) {
    return Grant.builder()
        .id(id)
        .kind(GrantKind.MANDATE)
        .grantor("college")
        .holder(holder)
        .decisionTypes(type)
        .window(Window.from(DemoMunicipality.START))
        .grantDecisionRef(DemoMunicipality.MANDAATBESLUIT)
        .subMandateAllowed(true)
        .recordedAt(SEEDED);
  }

  /** A sub-mandate of {@code parent} to {@code holder} with the parent's types and window. */
  public static Grant.Builder sub(String id, Grant parent, String holder) {
    return Grant.builder()
        .id(id)
        .kind(GrantKind.SUB_MANDATE)
        .parent(parent.id())
        .grantor(parent.holder())
        .holder(holder)
        .decisionTypes(parent.decisionTypes())
        .ceiling(parent.ceiling())
        .window(parent.window())
        .recordedAt(parent.recordedAt());
  }

  /** The demo register with extra source data. */
  public static Register demoWith(UnaryOperator<Register.Builder> extra) {
    return extra.apply(DemoMunicipality.register().toBuilder()).build();
  }

  public static Register demoWith(Grant... grants) {
    return demoWith(
        b -> {
          for (Grant g : grants) {
            b.grant(g);
          }
          return b;
        });
  }

  public static RegisterSnapshot snapshot(Register register) {
    return RegisterSnapshot.of(register);
  }

  /** The grant of the demo register with that id. */
  public static Grant demoGrant(String id) {
    return DemoFixtures.REGISTER.grants().get(id);
  }
}
