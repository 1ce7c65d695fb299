package nl.mandaat.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Sends HTTP requests over a fixed number of keep-alive connections, one thread each.
 *
 * <p>Open model ({@link #constantRate}): request {@code k} is due at {@code start + k / rate},
 * whatever happened to the ones before it; a connection takes the next due request as soon as it is
 * free, and the latency is measured from when the request was due, not from when it could be sent.
 * A server that falls behind therefore shows its queueing in the latencies (Gil Tene's correction
 * for coordinated omission, as in wrk2). Closed model ({@link #closedLoop}): each connection sends
 * again as soon as it has its answer; that gives the throughput ceiling, not a latency to quote.
 */
public final class LoadGenerator {

  private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

  private final URI base;
  private final int connections;
  private final LongFunction<byte[]> requests;
  private final IntPredicate expectedStatus;
  private final Supplier<Duration> serverCpu;

  /**
   * @param base the server, {@code http://host:port}
   * @param connections how many connections stay open (and so at most how many requests are in
   *     flight)
   * @param requests the encoded request for each request number (0, 1, ...); called from the
   *     connection threads
   * @param expectedStatus which statuses count as success
   * @param serverCpu the CPU time the server process has used so far, to report CPU per request
   *     (its JIT and GC included, so a fair cost on a machine that other work also loads)
   */
  public LoadGenerator(
      URI base,
      int connections,
      LongFunction<byte[]> requests,
      IntPredicate expectedStatus,
      Supplier<Duration> serverCpu) {
    this.serverCpu = serverCpu;
    this.base = base;
    this.connections = connections;
    this.requests = requests;
    this.expectedStatus = expectedStatus;
  }

  /** Sends {@code rate} requests per second for {@code warmUp + measure}; measures the latter. */
  public LoadResult constantRate(String name, double rate, Duration warmUp, Duration measure) {
    return run(name, rate, warmUp, measure);
  }

  /** Each connection sends again as soon as it has its answer. */
  public LoadResult closedLoop(String name, Duration warmUp, Duration measure) {
    return run(name, 0, warmUp, measure);
  }

  private LoadResult run(String name, double rate, Duration warmUp, Duration measure) {
    Duration cpuBefore = serverCpu.get();
    long begin = System.nanoTime() + Duration.ofMillis(50).toNanos();
    long measureFrom = begin + warmUp.toNanos();
    long end = measureFrom + measure.toNanos();
    double nanosPerRequest = rate > 0 ? 1e9 / rate : 0;
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong completedInWindow = new AtomicLong();
    AtomicLong exchanged = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>("");
    List<Histogram> histograms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
      histograms.add(histogram);
      Thread thread =
          new Thread(
              () -> {
                HttpConnection connection = null;
                while (true) {
                  long number = next.getAndIncrement();
                  long due =
                      rate > 0 ? begin + (long) (number * nanosPerRequest) : System.nanoTime();
                  if (due >= end) {
                    break;
                  }
                  byte[] request = requests.apply(number);
                  for (long wait = due - System.nanoTime();
                      wait > 0;
                      wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  if (rate == 0) {
                    due = System.nanoTime();
                  }
                  boolean measured = due >= measureFrom;
                  try {
                    if (connection == null) {
                      connection = new HttpConnection(base);
                    }
                    HttpConnection.Response response = connection.exchange(request);
                    long done = System.nanoTime();
                    exchanged.incrementAndGet();
                    long micros = (done - due) / 1000;
                    if (done >= measureFrom && done < end) {
                      completedInWindow.incrementAndGet();
                    }
                    if (connection.closing()) {
                      connection.close();
                      connection = null;
                    }
                    if (expectedStatus.test(response.status())) {
                      if (measured) {
                        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
                      }
                    } else if (measured) {
                      failures.incrementAndGet();
                      firstFailure.compareAndSet(
                          "", "status " + response.status() + ": " + abbreviated(response.text()));
                    }
                  } catch (IOException | RuntimeException e) {
                    if (connection != null) {
                      connection.close();
                      connection = null;
                    }
                    if (measured) {
                      failures.incrementAndGet();
                      firstFailure.compareAndSet("", e.toString());
                    }
                  }
                }
                if (connection != null) {
                  connection.close();
                }
              },
              "load-" + c);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading", e);
      }
    }
    Histogram all = new Histogram(HIGHEST_MICROS, 3);
    histograms.forEach(all::add);
    // Requests due inside the window but answered after it still count, with all their time.
    double seconds = measure.toNanos() / 1e9;
    return new LoadResult(
        name,
        connections,
        rate,
        seconds,
        completedInWindow.get() / seconds,
        exchanged.get() == 0
            ? 0
            : serverCpu.get().minus(cpuBefore).toNanos() / 1e6 / exchanged.get(),
        all,
        failures.get(),
        firstFailure.get());
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
