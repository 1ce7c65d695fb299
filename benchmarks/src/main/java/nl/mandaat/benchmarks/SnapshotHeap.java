package nl.mandaat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterSnapshot;

/**
 * Prints the heap a compiled 100,000-grant snapshot retains: used heap after a full collection with
 * the register alone, then with register and snapshot. Run it as {@code java -Xmx300m -cp
 * benchmarks/target/benchmarks.jar nl.mandaat.benchmarks.SnapshotHeap}.
 */
public final class SnapshotHeap {

  private SnapshotHeap() {}

  public static void main(String[] args) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Register register =
        GeneratedFixture.register(GeneratedFixture.GRANTS, GeneratedFixture.PERSONS);
    long registerOnly = usedAfterGc(memory);
    long start = System.nanoTime();
    RegisterSnapshot snapshot = RegisterSnapshot.of(register);
    long buildMillis = (System.nanoTime() - start) / 1_000_000;
    long both = usedAfterGc(memory);
    System.out.printf(
        "grants=%d register=%d MB register+snapshot=%d MB snapshot=%d MB firstBuild=%d ms"
            + " maxHeap=%d MB revision=%d%n",
        register.grants().size(),
        registerOnly >> 20,
        both >> 20,
        (both - registerOnly) >> 20,
        buildMillis,
        Runtime.getRuntime().maxMemory() >> 20,
        snapshot.revision());
    // "Who may decide" without a unit builds a skeleton per type on first use: all of them here.
    start = System.nanoTime();
    Instant moment = Instant.parse("2026-06-01T10:00:00Z");
    for (String type : register.decisionTypes().keySet()) {
      snapshot.whoMayDecide(type, null, null, moment);
    }
    long searchMillis = (System.nanoTime() - start) / 1_000_000;
    long withSearch = usedAfterGc(memory);
    System.out.printf(
        "any-unit skeletons of %d types: %d MB more, built in %d ms%n",
        register.decisionTypes().size(), (withSearch - both) >> 20, searchMillis);
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
