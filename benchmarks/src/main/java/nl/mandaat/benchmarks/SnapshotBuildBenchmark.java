package nl.mandaat.benchmarks;

import java.util.concurrent.TimeUnit;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterSnapshot;
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
 * Compiling the generated 100,000-grant register into a snapshot, in a JVM capped at 300 MB heap
 * (the "≤ 2 s with ≤ 300 MB heap": the trial fails with OutOfMemoryError above it; {@link
 * SnapshotHeap} prints the retained size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx300m"})
public class SnapshotBuildBenchmark {

  private Register register;

  @Setup(Level.Trial)
  public void setUp() {
    register = GeneratedFixture.register(GeneratedFixture.GRANTS, GeneratedFixture.PERSONS);
  }

  @Benchmark
  public RegisterSnapshot build() {
    return RegisterSnapshot.of(register);
  }
}
