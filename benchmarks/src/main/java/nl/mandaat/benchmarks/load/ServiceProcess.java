package nl.mandaat.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service under test: its Boot jar ({@code <module>/target/<module>.jar}, docs/suite.md) run as
 * its own JVM on a free loopback port, with the run-time properties of docs/suite.md given as
 * {@code --name=value} arguments, the way the launcher starts it. {@link #close()} stops it; it
 * also exits by itself when the harness JVM is gone ({@code mandaat.parent-pid}).
 */
public final class ServiceProcess implements AutoCloseable {

  /**
   * JVM settings for a service under load: C2 on (the launcher's C1-only start-up setting is not
   * what a server runs with), a fixed 512 MiB heap and the serial collector, whose young pauses on
   * a small live set are the shortest on 2 cores. {@code -Dload.service-jvm="..."} replaces them.
   */
  public static final String DEFAULT_JVM_OPTIONS =
      "-XX:+UseSerialGC -Xms512m -Xmx512m -XX:MaxDirectMemorySize=256m -Xss512k";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final String module;
  private final Process process;
  private final URI base;
  private final Path log;

  private ServiceProcess(String module, Process process, URI base, Path log) {
    this.module = module;
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts {@code module}'s jar under {@code root} with {@code properties} and waits until it
   * reports ready. Its output goes to {@code target/load/<module>.log} under the repository.
   *
   * @throws IllegalStateException when the jar is missing, or the service stops or is not ready in
   *     time (the process is stopped then)
   */
  public static ServiceProcess start(Path root, String module, Map<String, String> properties) {
    Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing; build it with ./mvnw -q -DskipTests -pl " + module + " -am package");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(System.getProperty("load.service-jvm", DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--mandaat.parent-pid=" + ProcessHandle.current().pid());
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    Path log = root.resolve("benchmarks/target/load").resolve(module + ".log");
    Process process;
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + module, e);
    }
    ServiceProcess service =
        new ServiceProcess(module, process, URI.create("http://127.0.0.1:" + port), log);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "stop-" + module));
    service.awaitReady();
    return service;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI base() {
    return base;
  }

  /** {@code 127.0.0.1:<port>}, for the {@code Host} header. */
  public String host() {
    return base.getHost() + ":" + base.getPort();
  }

  public long pid() {
    return process.pid();
  }

  /** The CPU time the service's JVM has used so far. */
  public Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(3))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            module + " stopped during start-up (exit " + process.exitValue() + "); see " + log);
      }
      try {
        // Readiness answers 503 until the service accepts traffic.
        if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(250);
    }
    close();
    throw new IllegalStateException(module + " not ready in time; see " + log);
  }

  /** SIGTERM, and SIGKILL if it has not stopped within 20 s. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
