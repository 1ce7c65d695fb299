package nl.mandaat.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.mandaat.core.DecisionMaker;
import nl.mandaat.core.Question;
import nl.mandaat.core.RegisterSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** "Who may decide X": the issue's ≤ 50 µs, on both registers. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SearchBenchmark {

  @Param({"demo", "generated"})
  String register;

  /**
   * "unit": the question's unit, as the gateway asks; "any": no unit, every position in the
   * register that may decide the type, the largest answer (hundreds of positions when generated).
   */
  @Param({"unit", "any"})
  String scope;

  private RegisterSnapshot snapshot;
  private Question[] questions;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Registers.Fixture fixture = Registers.fixture(register);
    snapshot = fixture.snapshot();
    questions = fixture.permitted().toArray(Question[]::new);
    for (Question q : questions) {
      if (whoMayDecide(q).isEmpty()) {
        throw new IllegalStateException("nobody may decide " + q);
      }
    }
  }

  private List<DecisionMaker> whoMayDecide(Question q) {
    String unit = scope.equals("any") ? null : q.orgUnit();
    return snapshot.whoMayDecide(q.decisionType(), unit, q.amount(), q.at());
  }

  @Benchmark
  public List<DecisionMaker> whoMayDecide() {
    return whoMayDecide(questions[next++ % questions.length]);
  }
}
