package nl.mandaat.benchmarks;

import java.util.List;
import nl.mandaat.core.Question;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.core.demo.DemoMunicipality;

/** The registers benchmarks run on, with questions whose answers are known. */
final class Registers {

  record Fixture(
      Register register,
      RegisterSnapshot snapshot,
      List<Question> permitted,
      List<Question> denied) {}

  private Registers() {}

  static Fixture fixture(String name) {
    return switch (name) {
      case "demo" -> demo();
      case "generated" -> GeneratedFixture.of(GeneratedFixture.GRANTS, GeneratedFixture.PERSONS);
      default -> throw new IllegalArgumentException("unknown register " + name);
    };
  }

  static Fixture demo() {
    Register register = DemoMunicipality.register();
    return new Fixture(
        register, RegisterSnapshot.of(register), DemoQuestions.PERMITTED, DemoQuestions.DENIED);
  }
}
