package nl.mandaat.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mandaat.keycloak.KeycloakDistribution;
import nl.mandaat.keycloak.KeycloakServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Keycloak for tests, one per test JVM: the distribution {@code ./mandaat run} uses
 * (module {@code keycloak-server}), on free ports, with the realm {@code mandaat} of {@code
 * infra/keycloak/mandaat-realm.json} created through the admin API (so nothing is shared with a
 * launcher using the same unpacked distribution).
 *
 * <p>For tests the realm has two more public clients with direct access grants: {@link
 * #SHORT_LIVED_CLIENT}, whose access tokens live {@link #SHORT_LIFESPAN_SECONDS} s, and {@link
 * #OTHER_AUDIENCE_CLIENT}, whose tokens lack the audience {@code mandaat}. The gateway's address in
 * the realm ({@code http://localhost:8080}) becomes {@code http://localhost:<}{@link
 * #gatewayPort()}{@code >}, a free port a test may run its gateway on so browser redirects match.
 *
 * <p>Started lazily (15-35 s), stopped by a shutdown hook. Thread-safe.
 */
public final class TestKeycloak {

  /** A public client whose access tokens expire after {@link #SHORT_LIFESPAN_SECONDS}. */
  public static final String SHORT_LIVED_CLIENT = "mandaat-test-short-lived";

  /** A public client whose tokens do not name the audience {@code mandaat}. */
  public static final String OTHER_AUDIENCE_CLIENT = "mandaat-test-other-audience";

  /** The lifespan of {@link #SHORT_LIVED_CLIENT}'s access tokens. */
  public static final int SHORT_LIFESPAN_SECONDS = 2;

  private static final String REALM = "mandaat";
  private static final String ADMIN = "test-admin";
  private static final String ADMIN_PASSWORD = "test-admin-password";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final int port;
  private final int gatewayPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestKeycloak(int port, int gatewayPort) {
    this.port = port;
    this.gatewayPort = gatewayPort;
  }

  /** The running Keycloak, started on the first call. */
  public static TestKeycloak instance() {
    return Holder.INSTANCE;
  }

  /** The issuer string its tokens carry: {@code http://localhost:<port>/realms/mandaat}. */
  public String issuerUri() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  /** The port the realm's redirect URIs for client {@code mandaat-gateway} name. */
  public int gatewayPort() {
    return gatewayPort;
  }

  /**
   * Registers {@code mandaat.security.issuer-uri} and {@code audience} for this Keycloak (keys from
   * Keycloak's own certs endpoint), for use in a {@code @DynamicPropertySource} method.
   */
  public static void registerProperties(DynamicPropertyRegistry registry) {
    registry.add("mandaat.security.issuer-uri", () -> instance().issuerUri());
    registry.add("mandaat.security.audience", () -> TestIssuer.AUDIENCE);
  }

  /** An access token for a demo user by password grant through {@code mandaat-cli}. */
  public String passwordToken(String username) {
    return passwordToken("mandaat-cli", username, "demo");
  }

  /** An access token by password grant through a public client. */
  public String passwordToken(String clientId, String username, String password) {
    return token(
        issuerUri(),
        Map.of(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password));
  }

  /** An access token by client credentials for a confidential client. */
  public String clientCredentialsToken(String clientId, String secret) {
    return token(
        issuerUri(),
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private String token(String issuer, Map<String, String> form) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "no token from " + issuer + ": " + response.statusCode() + " " + response.body());
    }
    return token.group(1);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String formEncode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static final class Holder {
    private static final TestKeycloak INSTANCE = start();
  }

  private static TestKeycloak start() {
    Path root = repositoryRoot();
    try {
      Path work = Files.createTempDirectory("test-keycloak-");
      Path log = work.resolve("keycloak.log");
      Path home =
          KeycloakDistribution.defaults(KeycloakDistribution.VERSION)
              .ensure(root, work.resolve("download.log"), message -> System.err.println(message));
      TestKeycloak keycloak = new TestKeycloak(freePort(), freePort());
      ProcessBuilder builder =
          KeycloakServer.processBuilder(
              KeycloakServer.commandWithoutImport(home, keycloak.port, freePort()), home, log);
      builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
      builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "test-keycloak-stop"));
      keycloak.awaitReady(process, log);
      keycloak.createRealm(
          testRealm(
              Files.readString(root.resolve("infra/keycloak/mandaat-realm.json")),
              keycloak.gatewayPort));
      return keycloak;
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
  }

  private void awaitReady(Process process, Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    URI master = URI.create("http://localhost:" + port + "/realms/master");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped during start-up: " + tail(log));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(master).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    stop(process);
    throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + ": " + tail(log));
  }

  private void createRealm(String realmJson) {
    String admin =
        token(
            "http://localhost:" + port + "/realms/master",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                ADMIN,
                "password",
                ADMIN_PASSWORD));
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/realms"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmJson))
                .timeout(Duration.ofSeconds(120))
                .build());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "realm not created: " + created.statusCode() + " " + created.body());
    }
  }

  /** The demo realm with the gateway on {@code gatewayPort} and the two test clients. */
  static String testRealm(String realmJson, int gatewayPort) {
    String audience =
        "\"protocolMappers\": [ { \"name\": \"audience-mandaat\", \"protocol\": \"openid-connect\","
            + " \"protocolMapper\": \"oidc-audience-mapper\", \"config\": {"
            + " \"included.custom.audience\": \"mandaat\", \"access.token.claim\": \"true\","
            + " \"id.token.claim\": \"false\" } } ]";
    String testClients =
        "{ \"clientId\": \""
            + SHORT_LIVED_CLIENT
            + "\", \"enabled\": true, \"publicClient\": true, \"standardFlowEnabled\": false,"
            + " \"directAccessGrantsEnabled\": true, \"protocol\": \"openid-connect\","
            + " \"attributes\": { \"access.token.lifespan\": \""
            + SHORT_LIFESPAN_SECONDS
            + "\" }, "
            + audience
            + " },\n{ \"clientId\": \""
            + OTHER_AUDIENCE_CLIENT
            + "\", \"enabled\": true, \"publicClient\": true, \"standardFlowEnabled\": false,"
            + " \"directAccessGrantsEnabled\": true, \"protocol\": \"openid-connect\" },\n";
    Matcher clients = Pattern.compile("\"clients\"\\s*:\\s*\\[").matcher(realmJson);
    if (!clients.find()) {
      throw new IllegalStateException("the realm file has no clients");
    }
    String withClients =
        realmJson.substring(0, clients.end())
            + "\n"
            + testClients
            + realmJson.substring(clients.end());
    return withClients.replace("http://localhost:8080", "http://localhost:" + gatewayPort);
  }

  private static void stop(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path repositoryRoot() {
    String explicit = System.getProperty("mandaat.root");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/keycloak/mandaat-realm.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/keycloak/mandaat-realm.json above the working dir");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
