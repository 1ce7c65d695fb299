package nl.mandaat.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.mandaat.core.Evaluation;
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

/**
 * One evaluation with its chain, on the demo register and on the generated 100,000-grant register:
 * the "p50 ≤ 1 µs, ≥ 2 million per second on one thread, within 1.5× across sizes".
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EvaluateBenchmark {

  @Param({"demo", "generated"})
  String register;

  /**
   * How many different questions rotate: 8 is all the demo register has; 1024 on the generated
   * register spreads the work over far more memory than the CPU caches hold. The demo has only 8
   * permitted questions: its "1024" asks each at 128 moments a second apart, 1024 distinct question
   * objects as on the generated register, about the same few grants.
   */
  @Param({"8", "1024"})
  int distinct;

  private RegisterSnapshot snapshot;
  private Question[] permitted;
  private Question[] denied;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Registers.Fixture fixture = Registers.fixture(register);
    snapshot = fixture.snapshot();
    permitted = checked(first(fixture.permitted()), true);
    denied = checked(first(fixture.denied()), false);
  }

  /**
   * The first {@code distinct} questions, or the same questions again a second apart (every grant
   * stays in force) where there are fewer. Always as new objects, built one after the other: the
   * generator's own objects lie scattered among what it threw away, a page of memory each, where a
   * question parsed from a request is new and in the CPU's caches; both registers get the same.
   */
  private List<Question> first(List<Question> questions) {
    List<Question> copies = new ArrayList<>(distinct);
    for (int i = 0; copies.size() < distinct; i++) {
      Question q = questions.get(i % questions.size());
      copies.add(q.toBuilder().at(q.at().plusSeconds(i / questions.size())).build());
    }
    return copies;
  }

  /** Fails the trial rather than measure questions that do not get the answer they stand for. */
  private Question[] checked(List<Question> questions, boolean permit) {
    for (Question q : questions) {
      Evaluation e = snapshot.evaluate(q);
      if (e.permit() != permit || (permit && e.chain().size() < 2)) {
        throw new IllegalStateException("unexpected answer " + e + " to " + q);
      }
    }
    return questions.toArray(Question[]::new);
  }

  @Benchmark
  public Evaluation permitWithChain() {
    Question q = permitted[next++ % permitted.length];
    return snapshot.evaluate(q);
  }

  @Benchmark
  public Evaluation denyWithEscalation() {
    Question q = denied[next++ % denied.length];
    return snapshot.evaluate(q);
  }
}
