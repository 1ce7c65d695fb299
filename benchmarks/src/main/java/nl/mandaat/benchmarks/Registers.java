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

  /**
   * {@code demo}, {@code generated} (the 100,000 grants and 20,000 persons), or {@code
   * generated-N}: the same generator with N grants and N / 5 persons, for the cost by register size
   * under the same questions.
   */
  static Fixture fixture(String name) {
    if (name.startsWith("generated-")) {
      int grants = Integer.parseInt(name.substring("generated-".length()));
      return GeneratedFixture.of(grants, Math.max(2, grants / 5));
    }
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
