package nl.mandaat.benchmarks.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole suite as {@code ./mandaat run --no-keycloak} starts it, at a port offset, for a load
 * harness: started, waited for (READY), asked over HTTP, and stopped with SIGTERM.
 */
final class RunningSuite implements AutoCloseable {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final Process launcher;
  private final int offset;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningSuite(Process launcher, int offset) {
    this.launcher = launcher;
    this.offset = offset;
  }

  /**
   * Starts the suite from the repository at {@code root} (jars already built) with {@code
   * environment} added to every process, and waits until it is READY.
   */
  static RunningSuite start(Path root, int offset, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    root.resolve("mandaat").toString(),
                    "run",
                    "--no-keycloak",
                    "--no-build",
                    "--port-offset",
                    Integer.toString(offset)))
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    Process process = builder.start();
    RunningSuite suite = new RunningSuite(process, offset);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "suite-stdout");
        drain.setDaemon(true);
        drain.start();
        return suite;
      }
    }
    suite.close();
    throw new IllegalStateException("the suite did not start; its messages are above");
  }

  /** The JVM of {@code module} (e.g. {@code gateway}) that this suite started. */
  ProcessHandle process(String module) {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(module + ".jar"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + module + " process in the suite"));
  }

  URI gateway() {
    return URI.create("http://127.0.0.1:" + (8080 + offset));
  }

  /** An access token for a demo user (password grant through {@code mandaat-cli}). */
  String token(String username) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id=mandaat-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + (8180 + offset)
                            + "/realms/mandaat/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no token for " + username + ": " + response.body());
    }
    return m.group(1);
  }

  /** POSTs JSON to the gateway with a bearer token. */
  HttpResponse<String> post(String path, String token, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(gateway().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    launcher.destroy();
    try {
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      launcher.destroyForcibly();
    }
  }
}
