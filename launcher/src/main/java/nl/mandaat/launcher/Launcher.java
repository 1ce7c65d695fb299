package nl.mandaat.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Entry point behind {@code ./mandaat run}: starts the suite, prints {@code READY <gateway url>}
 * once everything answers, and stops every process it started on Ctrl-C or SIGTERM.
 */
public final class Launcher {

  /** Exit code for a bad command line. */
  static final int USAGE = 2;

  /** Exit code for a suite that could not start or stopped on its own. */
  static final int FAILED = 1;

  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final double MIB = 1024.0 * 1024;

  private Launcher() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) {
    if (!args.isEmpty() && List.of("-h", "--help", "help").contains(args.get(0))) {
      System.out.println(LaunchOptions.USAGE);
      return 0;
    }
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (LaunchException e) {
      Console.problem(e.getMessage());
      return USAGE;
    }
    long started = System.nanoTime();
    Suite suite;
    try {
      suite = new Suite(options, RepositoryRoot.find(), versions().getProperty("keycloak.version"));
    } catch (LaunchException e) {
      Console.problem(e.getMessage());
      return FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "mandaat-stop"));
    try {
      suite.start();
    } catch (LaunchException e) {
      // Stop first, so the cause is the last line the user sees.
      suite.close();
      if (!e.getMessage().equals("stopped")) {
        Console.problem(e.getMessage());
      }
      return FAILED;
    } catch (RuntimeException e) {
      suite.close();
      Console.problem("start-up failed: " + e);
      return FAILED;
    }
    Console.ready(options.ports().gateway().toString());
    report(suite, (System.nanoTime() - started) / 1e9, options.report());
    return suite.awaitStop();
  }

  private static void report(Suite suite, double seconds, boolean detailed) {
    Map<String, Set<ProcessHandle>> parts = suite.processes();
    long total = 0;
    int count = 0;
    StringBuilder details = new StringBuilder();
    for (Map.Entry<String, Set<ProcessHandle>> part : parts.entrySet()) {
      long bytes = ProcessTree.residentBytes(part.getValue());
      total += bytes;
      count += part.getValue().size();
      details.append(String.format(Locale.ROOT, "%n  %-18s %6.0f MiB", part.getKey(), bytes / MIB));
    }
    Console.progress(
        String.format(
            Locale.ROOT,
            "ready in %.1f s; %d processes, %.2f GiB resident; data in %s",
            seconds,
            count,
            total / GIB,
            suite.dataDir()));
    if (detailed) {
      Console.progress("resident memory per part:" + details);
    }
  }

  static Properties versions() {
    Properties properties = new Properties();
    try (InputStream in = Launcher.class.getResourceAsStream("/launcher.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new LaunchException("cannot read launcher.properties from the launcher jar", e);
    }
    properties.putIfAbsent("keycloak.version", "26.5.6");
    return properties;
  }
}
