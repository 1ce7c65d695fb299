package nl.mandaat.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wrk} HTTP load generator (Debian package {@code wrk}): keep-alive connections, each
 * sending its next request as soon as it has the answer; latency percentiles from {@code
 * --latency}.
 */
final class Wrk {

  /** One run's figures; {@code failures} counts non-2xx answers and socket errors. */
  record Result(
      String name,
      double requestsPerSecond,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      long failures) {

    String row(int perRequest) {
      return String.format(
          Locale.ROOT,
          "| %s | %,.0f | %.2f | %.2f | %.2f | %d |",
          name,
          requestsPerSecond * perRequest,
          p50Ms,
          p90Ms,
          p99Ms,
          failures);
    }
  }

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private Wrk() {}

  /**
   * POSTs {@code body} to {@code uri} with a bearer token from {@code connections} connections on
   * {@code threads} threads for {@code duration}.
   */
  static Result post(
      String name,
      URI uri,
      String token,
      String body,
      int threads,
      int connections,
      Duration duration)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("mandaat-wrk", ".lua");
    try {
      Files.writeString(
          script,
          "wrk.method = \"POST\"\n"
              + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
              + "wrk.headers[\"Authorization\"] = \"Bearer "
              + token
              + "\"\n"
              + "wrk.body = [==["
              + body
              + "]==]\n",
          StandardCharsets.UTF_8);
      Process wrk =
          new ProcessBuilder(
                  List.of(
                      "wrk",
                      "-t" + threads,
                      "-c" + connections,
                      "-d" + duration.toSeconds() + "s",
                      "--latency",
                      "-s",
                      script.toString(),
                      uri.toString()))
              .redirectErrorStream(true)
              .start();
      String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (wrk.waitFor() != 0) {
        throw new IllegalStateException("wrk failed:\n" + out);
      }
      return parse(name, out);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  static Result parse(String name, String out) {
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
    }
    long failures = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      failures += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        failures += Long.parseLong(socket.group(g));
      }
    }
    return new Result(
        name,
        Double.parseDouble(rate.group(1)),
        percentile(out, "50%"),
        percentile(out, "90%"),
        percentile(out, "99%"),
        failures);
  }

  // wrk prints "     99%    3.21ms" (or us / s) under "Latency Distribution".
  private static double percentile(String out, String which) {
    Matcher m =
        Pattern.compile("\\n\\s+" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + which + " latency in wrk's output:\n" + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
