package nl.mandaat.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.mandaat.core.Question;
import nl.mandaat.core.demo.DemoMunicipality;
import org.casbin.jcasbin.main.Enforcer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * jCasbin 1.99.0 (RBAC with domains) on the same demo questions as {@link EvaluateBenchmark}, in
 * the same run, so the ratio is measured rather than quoted.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CasbinBenchmark {

  private Enforcer enforcer;
  private String[][] permitted;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    enforcer = CasbinRegister.enforcer(DemoMunicipality.register(), DemoQuestions.MOMENT);
    List<Question> questions = DemoQuestions.PERMITTED;
    permitted = new String[questions.size()][];
    for (int i = 0; i < permitted.length; i++) {
      Question q = questions.get(i);
      permitted[i] = new String[] {q.subject().code(), q.orgUnit(), q.decisionType(), "decide"};
      if (!enforcer.enforce((Object[]) permitted[i])) {
        throw new IllegalStateException("jCasbin denies " + q);
      }
    }
  }

  @Benchmark
  public boolean permit() {
    return enforcer.enforce((Object[]) permitted[next++ % permitted.length]);
  }
}
