package nl.mandaat.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the checkout's Maven wrapper as a child process. */
final class Maven {

  private Maven() {}

  /**
   * Runs {@code command} in {@code root} with output appended to {@code log}; returns the exit
   * code.
   */
  static int run(Path root, List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(log.toFile()))
              .redirectInput(Redirect.from(new File("/dev/null")));
      builder.environment().putIfAbsent("JAVA_HOME", Java.home().toString());
      Process process = builder.start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Thread.currentThread().interrupt();
        return -1;
      }
    } catch (IOException e) {
      throw new LaunchException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
  }
}
