package nl.mandaat.benchmarks.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured. Latencies are in microseconds; for an open (constant-rate) run they
 * count from the moment each request was due, so a stalled server shows in them (no coordinated
 * omission).
 *
 * @param name what was loaded
 * @param connections open connections
 * @param targetRate requests per second asked for; 0 for a closed loop (each connection sends again
 *     as soon as it has its answer)
 * @param seconds the measured interval (after warm-up)
 * @param completedRate responses (any status) that arrived inside the measured interval, per
 *     second: the throughput (for an open run below the rate asked when the server cannot keep up)
 * @param serverCpuMillisPerRequest CPU time of the server process over the whole run (warm-up
 *     included) divided by the requests it answered
 * @param histogram latencies of the successful responses, µs
 * @param failures responses with an unexpected status and broken connections
 * @param firstFailure the first of them, described, or empty
 */
public record LoadResult(
    String name,
    int connections,
    double targetRate,
    double seconds,
    double completedRate,
    double serverCpuMillisPerRequest,
    Histogram histogram,
    long failures,
    String firstFailure) {

  public long succeeded() {
    return histogram.getTotalCount();
  }

  public double millisAt(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return histogram.getMaxValue() / 1000.0;
  }

  /** Prints the results as one Markdown table, ready for benchmarks/README.md. */
  public static void print(List<LoadResult> results, PrintStream out) {
    out.println();
    out.println(
        "| load | connections | target req/s | completed req/s | ok | failed | p50 ms | p90 ms |"
            + " p99 ms | p99.9 ms | max ms | server CPU ms/req |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (LoadResult r : results) {
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %.0f | %d | %d | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f |",
              r.name(),
              r.connections(),
              r.targetRate() == 0
                  ? "closed loop"
                  : String.format(Locale.ROOT, "%.0f", r.targetRate()),
              r.completedRate(),
              r.succeeded(),
              r.failures(),
              r.millisAt(50),
              r.millisAt(90),
              r.millisAt(99),
              r.millisAt(99.9),
              r.maxMillis(),
              r.serverCpuMillisPerRequest()));
    }
    results.stream()
        .filter(r -> !r.firstFailure().isEmpty())
        .forEach(r -> out.println("first failure in " + r.name() + ": " + r.firstFailure()));
    out.println();
  }
}
