package nl.mandaat.benchmarks;

import java.util.ArrayList;
import java.util.List;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.Question;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.core.demo.GeneratedRegister;

/** The large register: 100,000 grants, 20,000 persons, chains up to depth 6. */
final class GeneratedFixture {

  static final int GRANTS = 100_000;
  static final int PERSONS = 20_000;
  static final int MAX_DEPTH = 6;
  static final long SEED = 20261128L;
  private static final int QUESTIONS = 1024;

  private GeneratedFixture() {}

  static Register register(int grants, int persons) {
    return GeneratedRegister.of(SEED, grants, persons, MAX_DEPTH).register();
  }

  /**
   * The register, its snapshot and questions drawn by the generator, split by the snapshot's
   * answer: permits that carry a chain, and denies.
   */
  static Registers.Fixture of(int grants, int persons) {
    GeneratedRegister generated = GeneratedRegister.of(SEED, grants, persons, MAX_DEPTH);
    Register register = generated.register();
    RegisterSnapshot snapshot = RegisterSnapshot.of(register);
    List<Question> permitted = new ArrayList<>();
    List<Question> denied = new ArrayList<>();
    long questionSeed = SEED;
    while (permitted.size() < QUESTIONS || denied.size() < QUESTIONS / 4) {
      for (Question q : generated.questions(QUESTIONS, questionSeed++)) {
        Evaluation e = snapshot.evaluate(q);
        if (e.permit() && e.chain().size() >= 2 && permitted.size() < QUESTIONS) {
          permitted.add(q);
        } else if (!e.permit() && denied.size() < QUESTIONS / 4) {
          denied.add(q);
        }
      }
    }
    return new Registers.Fixture(register, snapshot, permitted, denied);
  }
}
