package nl.mandaat.mandate.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Window;
import nl.mandaat.mandate.MandateServiceApplication;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A quick measurement of mandate-service's write path, not a test: starts the service (profile
 * demo) on the embedded PostgreSQL of test-support in this JVM, sends grant writes at a fixed rate
 * (open loop: latency counts from the moment a request was due), then measures how long a
 * revocation's event takes to reach a stream consumer.
 *
 * <pre>
 * ./mvnw -q -pl mandate-service -am test-compile -DskipTests
 * ./mvnw -q -pl mandate-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp mandate-service/target/test-classes:mandate-service/target/classes:$(cat /tmp/cp.txt) \
 *   nl.mandaat.mandate.load.WriteLoad [rate/s] [seconds] [revocations]
 * </pre>
 */
public final class WriteLoad {

  private WriteLoad() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int revocations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    TestDatabase.Coordinates db = TestDatabase.coordinates();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(MandateServiceApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--mandaat.db.host=" + db.host(),
                "--mandaat.db.port=" + db.port(),
                "--mandaat.db.name=" + db.name(),
                "--mandaat.db.username=" + db.username(),
                "--mandaat.db.password=" + db.password(),
                "--mandaat.db.schema=mandate_load_" + System.currentTimeMillis(),
                "--mandaat.security.issuer-uri=" + TestIssuer.issuerUri(),
                "--mandaat.security.jwk-set-uri=" + TestIssuer.issuerUri() + "/jwks",
                "--mandaat.security.audience=" + TestIssuer.AUDIENCE);
    try {
      String port = app.getEnvironment().getProperty("local.server.port");
      WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
      String beheer = TestIssuer.token("beheer", "register-beheer");
      // Warm-up: the JIT, the connection pool, the issuer's keys.
      writes(client, beheer, Math.min(rate, 200), 5);
      System.out.printf(
          "cores %d, load average before the run: %s%n",
          Runtime.getRuntime().availableProcessors(), loadAverage());
      Result r = writes(client, beheer, rate, seconds);
      System.out.printf(
          "grant writes: offered %d/s for %d s: %d ok, %d failed, achieved %.0f/s;"
              + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          rate,
          seconds,
          r.ok,
          r.failed,
          r.achieved,
          r.percentile(50),
          r.percentile(90),
          r.percentile(99),
          r.percentile(100));
      System.out.printf("load average after the run: %s; failures %s%n", loadAverage(), FAILURES);
      revocationToStream(client, beheer, revocations);
      breakdown(app);
    } finally {
      app.close();
      System.exit(0);
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

  private record Result(int ok, int failed, double achieved, List<Double> millis) {
    double percentile(double p) {
      if (millis.isEmpty()) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
      return millis.get(Math.max(0, Math.min(millis.size() - 1, i)));
    }
  }

  static Map<String, Object> mandate(String holder) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "MANDATE");
    body.put("grantor", "college");
    body.put("holderPosition", holder);
    body.put("decisionTypes", List.of("inkoop-overeenkomst"));
    body.put("ceiling", 1000);
    body.put("validFrom", "2027-01-01");
    body.put("subMandateAllowed", false);
    body.put("grantDecisionRef", "Mandaatbesluit load");
    return body;
  }

  private static Result writes(WebClient client, String token, int rate, int seconds)
      throws InterruptedException {
    int total = rate * seconds;
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    long period = 1_000_000_000L / rate;
    Disposable run =
        Flux.range(0, total)
            .concatMap(
                i -> {
                  long due = start + i * period;
                  long wait = due - System.nanoTime();
                  return wait > 0 ? Mono.delay(Duration.ofNanos(wait)).thenReturn(i) : Mono.just(i);
                })
            .flatMap(
                i -> {
                  long due = start + i * period;
                  return client
                      .post()
                      .uri("/api/v1/grants")
                      .headers(h -> h.setBearerAuth(token))
                      .bodyValue(
                          mandate(i % 2 == 0 ? "directeur-stad" : "directeur-bedrijfsvoering"))
                      .exchangeToMono(
                          response ->
                              response.releaseBody().thenReturn(response.statusCode().value()))
                      .doOnNext(
                          status -> {
                            millis.add((System.nanoTime() - due) / 1e6);
                            (status == 201 ? ok : failed).incrementAndGet();
                            if (status != 201) {
                              FAILURES
                                  .computeIfAbsent("HTTP " + status, k -> new AtomicInteger())
                                  .incrementAndGet();
                            }
                          })
                      .onErrorResume(
                          e -> {
                            failed.incrementAndGet();
                            FAILURES
                                .computeIfAbsent(
                                    e.getClass().getSimpleName(), k -> new AtomicInteger())
                                .incrementAndGet();
                            return Mono.empty();
                          })
                      .doFinally(s -> done.countDown());
                },
                4096)
            .subscribe();
    if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
      run.dispose();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Result(ok.get(), failed.get(), ok.get() / elapsed, sorted);
  }

  @SuppressWarnings("unchecked")
  private static void revocationToStream(WebClient client, String token, int count)
      throws InterruptedException {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
    CountDownLatch seen = new CountDownLatch(count);
    String consumer = TestIssuer.token("gateway", "pdp-client");
    long after =
        ((Number)
                client
                    .get()
                    .uri("/api/v1/register/revision")
                    .headers(h -> h.setBearerAuth(token))
                    .retrieve()
                    .bodyToMono(Map.class)
                    .block()
                    .get("revision"))
            .longValue();
    Disposable stream =
        client
            .get()
            .uri("/internal/v1/events?after=" + after)
            .headers(h -> h.setBearerAuth(consumer))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .filter(e -> "GrantRevoked".equals(e.event()) && e.data() != null)
            .subscribe(
                e -> {
                  long now = System.nanoTime();
                  for (Map.Entry<String, Long> s : sent.entrySet()) {
                    if (e.data().contains("\"grantId\":\"" + s.getKey() + "\"")) {
                      millis.add((now - s.getValue()) / 1e6);
                      sent.remove(s.getKey());
                      seen.countDown();
                    }
                  }
                });
    Thread.sleep(500);
    for (int i = 0; i < count; i++) {
      String id =
          (String)
              client
                  .post()
                  .uri("/api/v1/grants")
                  .headers(h -> h.setBearerAuth(token))
                  .bodyValue(mandate("directeur-samenleving"))
                  .retrieve()
                  .bodyToMono(Map.class)
                  .block()
                  .get("id");
      sent.put(id, System.nanoTime());
      client
          .post()
          .uri("/api/v1/grants/{id}/revocation", id)
          .headers(h -> h.setBearerAuth(token))
          .bodyValue(Map.of("reason", "load", "decisionRef", "Intrekking load"))
          .retrieve()
          .toBodilessEntity()
          .block();
      Thread.sleep(10);
    }
    seen.await(30, TimeUnit.SECONDS);
    stream.dispose();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    Result r = new Result(sorted.size(), count - sorted.size(), 0, sorted);
    System.out.printf(
        "revocation (request sent) to its event at a stream consumer: %d of %d seen;"
            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        sorted.size(), count, r.percentile(50), r.percentile(99), r.percentile(100));
  }

  /** Where a write's time goes: validation in memory, and one database round trip. */
  private static void breakdown(ConfigurableApplicationContext app) {
    LiveRegister live = app.getBean(LiveRegister.class);
    Grant grant =
        Grant.builder()
            .id("probe")
            .kind(GrantKind.MANDATE)
            .grantor("college")
            .holder("directeur-stad")
            .decisionTypes("inkoop-overeenkomst")
            .ceiling("1000")
            .window(Window.from(java.time.LocalDate.of(2027, 1, 1)))
            .grantDecisionRef("Mandaatbesluit load")
            .recordedAt(Instant.now())
            .build();
    RegisterChange change = new RegisterChange.NewGrant(grant, new Actor("beheer", true));
    int n = 20_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Validator.validate(live.current(), change);
    }
    double validate = (System.nanoTime() - t0) / 1e3 / n;
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      live.current().with(change);
    }
    double apply = (System.nanoTime() - t0) / 1e3 / n;
    DatabaseClient database = app.getBean(DatabaseClient.class);
    int trips = 2_000;
    t0 = System.nanoTime();
    for (int i = 0; i < trips; i++) {
      database.sql("select 1").fetch().rowsUpdated().block();
    }
    double roundTrip = (System.nanoTime() - t0) / 1e6 / trips;
    System.out.printf(
        "register of %d grants: validate a grant %.1f µs, apply it %.1f µs;"
            + " one SQL round trip (select 1, sequential) %.2f ms%n",
        live.current().grants().size(), validate, apply, roundTrip);
  }
}
