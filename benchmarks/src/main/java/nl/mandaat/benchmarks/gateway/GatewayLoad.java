package nl.mandaat.benchmarks.gateway;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.mandaat.benchmarks.load.LoadGenerator;
import nl.mandaat.benchmarks.load.LoadResult;
import nl.mandaat.benchmarks.load.Request;

/**
 * The gateway's load harness (issue 6), on loopback, measured as ratios in one run:
 *
 * <ol>
 *   <li>{@code /access/v1/evaluation} over HTTP/1.1 keep-alive, and batches of 100 on {@code
 *       /access/v1/evaluations};
 *   <li>a mandate-guarded route to a trivial upstream against the same route with only a token
 *       check, in the same gateway;
 *   <li>revocation to effect: from a revocation's answer (its commit) to the gateway answering a
 *       question that presents its revision.
 * </ol>
 *
 * <p>Starts the suite with {@code ./mandaat run --no-keycloak} (jars built) and stops it at the
 * end; the load comes from {@link LoadGenerator} (constant arrival rate, no coordinated omission).
 * Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar nl.mandaat.benchmarks.gateway.GatewayLoad [seconds]
 * </pre>
 *
 * <p>{@code -Dload.only=evaluation,batch,route,revocation} runs only those parts (all by default);
 * {@code -Dload.service-jvm="..."} replaces the services' JVM options.
 */
public final class GatewayLoad {

  private static final int OFFSET = 900;
  private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private static final String QUESTION =
      "{\"subject\":{\"type\":\"user\",\"id\":\"tm-omgeving\"},\"action\":{\"name\":\"decide\"},"
          + "\"resource\":{\"type\":\"decision-type\",\"id\":\"inkoop-overeenkomst\","
          + "\"properties\":{\"amount\":8000,\"orgUnit\":\"vergunningen\"}}%s}";

  /** Routes for the run: the register's writes, and the same trivial upstream twice. */
  private static final String ROUTES =
      """
      spring:
        cloud:
          gateway:
            server:
              webflux:
                routes:
                  - id: mandate
                    uri: ${mandaat.routes.mandate-uri}
                    predicates:
                      - Path=/api/v1/grants/**,/api/v1/grants
                    metadata:
                      mandaat:
                        requires: authenticated
                  - id: bench-checked
                    uri: %1$s
                    predicates:
                      - Path=/apps/checked/{unit}/**
                    metadata:
                      mandaat:
                        requires: mandate
                        decision-type: subsidie-toekenning
                        unit: path:unit
                        amount: body:/amount
                  - id: bench-token-only
                    uri: %1$s
                    predicates:
                      - Path=/apps/token-only/{unit}/**
                    metadata:
                      mandaat:
                        requires: authenticated
      """;

  private GatewayLoad() {}

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 20);
    Path root = Path.of("").toAbsolutePath();
    try (TrivialUpstream upstream = TrivialUpstream.start()) {
      Path routes = Files.createTempFile("mandaat-gateway-load", ".yaml");
      Files.writeString(routes, ROUTES.formatted(upstream.uri()));
      Map<String, String> environment =
          Map.of(
              // Server-grade JVMs instead of the launcher's small, C1-only defaults.
              "MANDAAT_SERVICE_JAVA_OPTS",
              System.getProperty("load.service-jvm", "-XX:+UseParallelGC -Xms256m -Xmx768m"),
              "SPRING_CONFIG_ADDITIONAL_LOCATION",
              "optional:file:" + routes,
              // One token asks thousands of times a second here; the default limit is 200/s.
              "MANDAAT_EDGE_RATELIMIT_LIMITFORPERIOD",
              "100000000");
      try (RunningSuite suite = RunningSuite.start(root, OFFSET, environment)) {
        run(suite, duration);
      } finally {
        Files.deleteIfExists(routes);
      }
    }
  }

  private static void run(RunningSuite suite, Duration duration) throws Exception {
    String asker = suite.token("tm-omgeving");
    String subsidies = suite.token("ah-subsidies");
    awaitReplica(suite, asker);
    requireAnswer(suite.post("/access/v1/evaluation", asker, QUESTION.formatted("")), "true");

    String batch = batchOf100();
    String application = "{\"aanvrager\":\"Stichting Buurtkracht\",\"amount\":100}";
    requireStatus(suite.post("/apps/checked/subsidies/a", subsidies, application), 200);
    requireStatus(suite.post("/apps/token-only/subsidies/a", subsidies, application), 200);
    requireStatus(suite.post("/apps/checked/subsidies/a", asker, application), 403);

    Duration warmUp = Duration.ofSeconds(10);
    ProcessHandle gateway = suite.process("gateway");
    Supplier<Duration> cpu = () -> gateway.info().totalCpuDuration().orElse(Duration.ZERO);
    String host = suite.gateway().getHost() + ":" + suite.gateway().getPort();
    // Each run encodes its request with a token fetched just before it: a run of every part takes
    // longer than a token lives.
    Fresh question =
        () -> encoded(suite, host, "/access/v1/evaluation", "tm-omgeving", QUESTION.formatted(""));
    Fresh viaWebFlux =
        () ->
            encoded(
                suite,
                host,
                "/access/v1/evaluation?via=webflux",
                "tm-omgeving",
                QUESTION.formatted(""));
    Fresh hundred = () -> encoded(suite, host, "/access/v1/evaluations", "tm-omgeving", batch);
    Fresh checked =
        () -> encoded(suite, host, "/apps/checked/subsidies/a", "ah-subsidies", application);
    Fresh tokenOnly =
        () -> encoded(suite, host, "/apps/token-only/subsidies/a", "ah-subsidies", application);

    Set<String> only =
        Set.of(System.getProperty("load.only", "evaluation,batch,route,revocation").split(","));
    List<LoadResult> results = new ArrayList<>();
    if (only.contains("evaluation")) {
      results.add(generator(suite, 16, question, cpu).closedLoop("evaluation", warmUp, duration));
      // The same question through WebFlux and its security chain (a query string keeps it off the
      // decision point's Reactor Netty lane): what the lane saves, in the same run.
      results.add(
          generator(suite, 16, viaWebFlux, cpu)
              .closedLoop("evaluation, WebFlux path", warmUp, duration));
      for (int rate : new int[] {5_000, 10_000, 12_000}) {
        results.add(
            generator(suite, 64, question, cpu).constantRate("evaluation", rate, warmUp, duration));
      }
    }
    LoadResult batches = null;
    if (only.contains("batch")) {
      batches = generator(suite, 8, hundred, cpu).closedLoop("batch of 100", warmUp, duration);
      results.add(batches);
      results.add(
          generator(suite, 32, hundred, cpu).constantRate("batch of 100", 1_000, warmUp, duration));
    }
    double guardedRate = 0;
    double unguardedRate = 0;
    if (only.contains("route")) {
      // Both routes share the proxy path (Netty client, routing, breakers): whichever ran first
      // would pay for its JIT compilation. Warm both, then measure them in turns, three rounds,
      // the order alternating so that drift on a shared machine falls on both alike.
      generator(suite, 16, tokenOnly, cpu).closedLoop("warm-up", warmUp, warmUp);
      generator(suite, 16, checked, cpu).closedLoop("warm-up", warmUp, warmUp);
      for (int round = 0; round < 3; round++) {
        for (boolean guardedTurn :
            round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
          LoadResult result =
              guardedTurn
                  ? generator(suite, 16, checked, cpu).closedLoop("mandate route", warmUp, duration)
                  : generator(suite, 16, tokenOnly, cpu)
                      .closedLoop("same route, token check only", warmUp, duration);
          results.add(result);
          if (guardedTurn) {
            guardedRate += result.completedRate();
          } else {
            unguardedRate += result.completedRate();
          }
        }
      }
    }
    LoadResult.print(results, System.out);
    if (batches != null) {
      System.out.printf(
          Locale.ROOT,
          "Batches of 100 carry %,.0f evaluations per second at their closed-loop ceiling.%n",
          batches.completedRate() * 100);
    }
    if (unguardedRate > 0) {
      System.out.printf(
          Locale.ROOT,
          "Enforcement keeps %.1f%% of the token-only route's throughput (three rounds).%n",
          100 * guardedRate / unguardedRate);
    }
    double[] revocations =
        only.contains("revocation")
            ? revocations(suite, suite.token("ah-vergunningen"), suite.token("tm-omgeving"), 200)
            : new double[0];

    if (revocations.length > 0) {
      Arrays.sort(revocations);
      System.out.printf(
          Locale.ROOT,
          "Revocation to effect over %d revocations: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          revocations.length,
          at(revocations, 0.50),
          at(revocations, 0.99),
          revocations[revocations.length - 1]);
    }
  }

  /** A request encoded with a token fetched now. */
  @FunctionalInterface
  private interface Fresh {
    byte[] get() throws Exception;
  }

  private static byte[] encoded(
      RunningSuite suite, String host, String path, String user, String body) throws Exception {
    return Request.postJson(path, suite.token(user), body).encode(host);
  }

  private static LoadGenerator generator(
      RunningSuite suite, int connections, Fresh fresh, Supplier<Duration> cpu) throws Exception {
    byte[] request = fresh.get();
    return new LoadGenerator(
        suite.gateway(), connections, n -> request, status -> status == 200, cpu);
  }

  /**
   * Each round records a sub-mandate, revokes it, and times from the revocation's answer to the
   * gateway's answer for a question presenting the revocation's revision: an upper bound of the
   * time from commit to replica, since it includes one evaluation's round trip.
   */
  private static double[] revocations(RunningSuite suite, String grantor, String asker, int rounds)
      throws Exception {
    double[] millis = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      HttpResponse<String> granted =
          suite.post(
              "/api/v1/grants",
              grantor,
              "{\"kind\":\"SUB_MANDATE\",\"parentGrantId\":\"G03-afdelingshoofd-vergunningen\","
                  + "\"holderPosition\":\"teammanager-omgeving\","
                  + "\"decisionTypes\":[\"inkoop-overeenkomst\"],\"orgUnits\":[\"vergunningen\"],"
                  + "\"ceiling\":1000,\"validFrom\":\"2026-01-01\",\"subMandateAllowed\":false,"
                  + "\"instructions\":[]}");
      requireStatus(granted, 201);
      String id = group(ID, granted.body());
      HttpResponse<String> revoked =
          suite.post(
              "/api/v1/grants/" + id + "/revocation",
              grantor,
              "{\"reason\":\"load test\",\"decisionRef\":\"Intrekkingsbesluit load test\"}");
      long committed = System.nanoTime();
      requireStatus(revoked, 200);
      String revision = group(REVISION, revoked.body());
      HttpResponse<String> answer =
          suite.post(
              "/access/v1/evaluation",
              asker,
              QUESTION.formatted(",\"context\":{\"minRevision\":" + revision + "}"));
      millis[i] = (System.nanoTime() - committed) / 1e6;
      requireStatus(answer, 200);
      if (Long.parseLong(group(REVISION, answer.body())) < Long.parseLong(revision)) {
        throw new IllegalStateException("answered below the revision presented: " + answer.body());
      }
    }
    return millis;
  }

  private static String batchOf100() {
    String items =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    "{\"resource\":{\"type\":\"decision-type\",\"id\":\"inkoop-overeenkomst\","
                        + "\"properties\":{\"amount\":"
                        + (100 + i * 50)
                        + ",\"orgUnit\":\"vergunningen\"}}}")
            .collect(Collectors.joining(","));
    return "{\"subject\":{\"type\":\"user\",\"id\":\"tm-omgeving\"},\"action\":{\"name\":\"decide\"},"
        + "\"evaluations\":["
        + items
        + "]}";
  }

  private static void awaitReplica(RunningSuite suite, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (suite.post("/access/v1/evaluation", token, QUESTION.formatted("")).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the gateway's replica did not become available in 60 s");
      }
      Thread.sleep(250);
    }
  }

  private static void requireAnswer(HttpResponse<String> response, String decision) {
    requireStatus(response, 200);
    if (!response.body().contains("\"decision\":" + decision)) {
      throw new IllegalStateException("expected decision " + decision + ": " + response.body());
    }
  }

  private static void requireStatus(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "expected "
              + status
              + " from "
              + response.uri()
              + ", got "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(pattern + " not in " + text);
    }
    return m.group(1);
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }
}
