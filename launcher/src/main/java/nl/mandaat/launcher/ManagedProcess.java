package nl.mandaat.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A child process the launcher started, with its name and the log its output goes to. */
record ManagedProcess(String name, Process process, Path log) {

  /** Starts {@code command} with stdout and stderr appended to {@code log} and no stdin. */
  static ManagedProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path directory,
      Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .redirectInput(Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    try {
      return new ManagedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new LaunchException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
