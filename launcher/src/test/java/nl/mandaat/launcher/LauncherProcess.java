package nl.mandaat.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The launcher started the way {@code ./mandaat} starts it: its own JVM, from the checkout's
 * launcher jar.
 */
final class LauncherProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  private LauncherProcess(Process process) {
    this.process = process;
    collect(process.getInputStream(), out, "out");
    collect(process.getErrorStream(), err, "err");
  }

  static LauncherProcess start(Path root, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Java.executable());
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx96m");
    command.add("-Dmandaat.root=" + root);
    Path jar = RealmFixtures.root().resolve("launcher/target/launcher.jar");
    if (Files.isRegularFile(jar)) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Launcher.class.getName());
    }
    command.addAll(List.of(args));
    return new LauncherProcess(new ProcessBuilder(command).start());
  }

  /** Waits for the READY line; false when the launcher exits or the time runs out first. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      // The summary with the data directory follows READY on stderr.
      if (out.stream().anyMatch(line -> line.startsWith("READY ")) && dataDir().isPresent()) {
        return true;
      }
      if (!process.isAlive()) {
        Thread.sleep(200); // let the collectors drain
        return false;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /**
   * Every process the launcher started and that runs now: its descendants and the detached
   * postmaster.
   */
  Set<ProcessHandle> started() {
    Set<ProcessHandle> all = new LinkedHashSet<>();
    process.toHandle().descendants().forEach(all::add);
    dataDir()
        .map(dir -> dir.resolve("postgres").resolve("postmaster.pid"))
        .filter(Files::isRegularFile)
        .flatMap(LauncherProcess::firstLinePid)
        .ifPresent(
            postmaster -> {
              all.add(postmaster);
              postmaster.descendants().forEach(all::add);
            });
    return all;
  }

  /** The data directory the launcher reported once ready. */
  Optional<Path> dataDir() {
    return err.stream()
        .filter(line -> line.contains("; data in "))
        .map(line -> Path.of(line.substring(line.indexOf("; data in ") + 10).trim()))
        .findFirst();
  }

  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the launcher did not stop within " + timeout + "; stderr: " + err);
    }
    return process.exitValue();
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the launcher did not exit within " + timeout + "; stderr: " + err);
    }
    Thread.sleep(200);
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  List<String> out() {
    return out;
  }

  List<String> err() {
    return err;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      Set<ProcessHandle> left = started();
      process.destroy();
      try {
        process.waitFor(150, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      left.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static Optional<ProcessHandle> firstLinePid(Path pidFile) {
    try {
      return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void collect(InputStream stream, List<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  lines.add(line);
                  System.err.println("[launcher " + name + "] " + line);
                }
              } catch (IOException e) {
                // the launcher is gone
              }
            },
            "launcher-" + name);
    thread.setDaemon(true);
    thread.start();
  }
}
