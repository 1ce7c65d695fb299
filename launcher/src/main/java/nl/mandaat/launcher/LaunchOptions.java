package nl.mandaat.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./mandaat run} was asked to do.
 *
 * @param keycloak true for the real Keycloak, false for the in-process issuer ({@code
 *     --no-keycloak})
 * @param ports every port with {@code --port-offset} applied
 * @param dataDir where the database and logs persist ({@code --data}); empty for a fresh temporary
 *     one
 * @param build false ({@code --no-build}) to refuse building missing jars instead of running Maven
 * @param report true ({@code --report}) to print each process's resident memory once ready
 */
public record LaunchOptions(
    boolean keycloak, SuitePorts ports, Optional<Path> dataDir, boolean build, boolean report) {

  static final String USAGE =
      "usage: ./mandaat run [--no-keycloak] [--port-offset N] [--data DIR] [--no-build] [--report]";

  /** Parses the arguments after the script name; the first must be the command {@code run}. */
  public static LaunchOptions parse(List<String> args) {
    if (args.isEmpty()) {
      throw new LaunchException("no command given; " + USAGE);
    }
    if (!args.get(0).equals("run")) {
      throw new LaunchException("unknown command '" + args.get(0) + "'; " + USAGE);
    }
    boolean keycloak = true;
    int offset = 0;
    Optional<Path> data = Optional.empty();
    boolean build = true;
    boolean report = false;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--no-keycloak" -> keycloak = false;
        case "--no-build" -> build = false;
        case "--report" -> report = true;
        case "--port-offset" -> {
          String value =
              arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(args, ++i, name);
          offset = wholeNumber(value);
        }
        case "--data" -> {
          String value =
              arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(args, ++i, name);
          if (value.isBlank()) {
            throw new LaunchException("--data needs a directory, e.g. --data .mandaat/data");
          }
          data = Optional.of(Path.of(value).toAbsolutePath().normalize());
        }
        default -> throw new LaunchException("unknown option '" + arg + "'; " + USAGE);
      }
    }
    return new LaunchOptions(keycloak, new SuitePorts(offset), data, build, report);
  }

  private static String next(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new LaunchException(
          option
              + " needs a value, e.g. "
              + (option.equals("--data") ? "--data .mandaat/data" : "--port-offset 100"));
    }
    return args.get(index);
  }

  private static int wholeNumber(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new LaunchException(
          "--port-offset needs a whole number, got '" + value + "'; e.g. --port-offset 100");
    }
  }
}
