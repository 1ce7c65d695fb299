package nl.mandaat.benchmarks.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The {@code -Dload.*} system properties a harness reads, with its defaults. */
final class LoadOptions {

  private LoadOptions() {}

  static List<Double> rates(String defaults) {
    return Arrays.stream(System.getProperty("load.rates", defaults).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Double::valueOf)
        .toList();
  }

  static int integer(String name, int defaultValue) {
    return Integer.getInteger("load." + name, defaultValue);
  }

  static Duration seconds(String name, int defaultSeconds) {
    return Duration.ofSeconds(integer(name, defaultSeconds));
  }
}
