package nl.mandaat.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * mandate-service under load (issue 5): grant writes at constant rates, and how long a revocation's
 * event takes to reach a consumer of the change stream. Starts PostgreSQL, the issuer, org-service
 * (mandate-service follows its stream) and mandate-service with the demo seed; stops them when
 * done.
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl org-service,mandate-service,benchmarks -am package
 * java -cp benchmarks/target/benchmarks.jar nl.mandaat.benchmarks.load.MandateServiceLoad
 * </pre>
 *
 * <p>{@code -Dload.rates=100,250,500,...} (grant writes per second), {@code -Dload.connections=50},
 * {@code -Dload.warmup=10}, {@code -Dload.seconds=20}, {@code -Dload.revocations=200} (one every 50
 * ms).
 */
public final class MandateServiceLoad {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");
  private static final Pattern GRANT_ID = Pattern.compile("\"grantId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern RECORDED_AT = Pattern.compile("\"recordedAt\"\\s*:\\s*\"([^\"]+)\"");

  private MandateServiceLoad() {}

  public static void main(String[] args) {
    LoadEnvironment.runAndExit(MandateServiceLoad::run);
  }

  private static void run() throws IOException {
    int connections = LoadOptions.integer("connections", 50);
    Duration warmUp = LoadOptions.seconds("warmup", 10);
    Duration measure = LoadOptions.seconds("seconds", 20);
    List<Double> rates = LoadOptions.rates("100,250,500");
    int revocations = LoadOptions.integer("revocations", 200);

    LoadEnvironment environment = LoadEnvironment.start();
    String pdp = environment.token("mandate-service", "pdp-client");
    try (ServiceProcess org = environment.startService("org-service", "org", Map.of());
        ServiceProcess mandate =
            environment.startService(
                "mandate-service",
                "mandate",
                Map.of(
                    "mandaat.org.uri",
                    org.base().toString(),
                    "mandaat.internal-client.token",
                    pdp))) {
      String beheer = environment.token("beheer", "register-beheer");
      String directeur = environment.token("dir-stad", "manager");

      // Alternately a mandate of the college (by the register administrator) and a sub-mandate of
      // the directeur Stad under seed grant 2; both valid against the demo register however many
      // came before.
      byte[] mandateBody =
          Request.postJson("/api/v1/grants", beheer, mandateJson()).encode(mandate.host());
      byte[] subMandateBody =
          Request.postJson("/api/v1/grants", directeur, subMandateJson()).encode(mandate.host());
      requireCreated(mandate.base(), mandateBody);
      requireCreated(mandate.base(), subMandateBody);
      LoadGenerator writes =
          new LoadGenerator(
              mandate.base(),
              connections,
              number -> number % 2 == 0 ? mandateBody : subMandateBody,
              status -> status == 201,
              mandate::cpuTime);
      List<LoadResult> results = new ArrayList<>();
      for (double rate : rates) {
        results.add(writes.constantRate("grant writes", rate, warmUp, measure));
        LoadResult.print(results.subList(results.size() - 1, results.size()), System.out);
      }
      results.add(writes.closedLoop("grant writes", warmUp, measure));
      System.out.println("mandate-service, grant writes:");
      LoadResult.print(results, System.out);

      revocationToConsumer(mandate, beheer, pdp, revocations);
    }
  }

  /**
   * Creates a grant and revokes it, once every 50 ms, while a consumer follows the stream; reports
   * the time from the revocation's response, and from the event's {@code recordedAt}, to the
   * event's arrival at the consumer.
   */
  private static void revocationToConsumer(
      ServiceProcess mandate, String beheer, String pdp, int revocations) throws IOException {
    Map<String, EventFollower.Arrival> arrived = new ConcurrentHashMap<>();
    long head = revision(mandate, beheer);
    Histogram fromResponse = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram fromCommit = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    int early = 0;
    int lost = 0;
    try (EventFollower follower =
            EventFollower.start(
                mandate.base(),
                head,
                pdp,
                arrival -> {
                  if (arrival.type().equals("GrantRevoked")) {
                    Matcher id = GRANT_ID.matcher(arrival.data());
                    if (id.find()) {
                      arrived.put(id.group(1), arrival);
                    }
                  }
                });
        HttpConnection connection = new HttpConnection(mandate.base())) {
      byte[] create =
          Request.postJson("/api/v1/grants", beheer, mandateJson()).encode(mandate.host());
      for (int i = 0; i < revocations; i++) {
        HttpConnection.Response created = connection.exchange(create);
        Matcher id = ID.matcher(created.text());
        if (created.status() != 201 || !id.find()) {
          throw new IllegalStateException("grant not created: " + created.text());
        }
        String grant = id.group(1);
        byte[] revoke =
            Request.postJson(
                    "/api/v1/grants/" + grant + "/revocation",
                    beheer,
                    "{\"reason\":\"load\",\"decisionRef\":\"Intrekkingsbesluit load " + i + "\"}")
                .encode(mandate.host());
        HttpConnection.Response revoked = connection.exchange(revoke);
        long answered = System.nanoTime();
        if (revoked.status() != 200) {
          throw new IllegalStateException("not revoked: " + revoked.text());
        }
        EventFollower.Arrival arrival = await(arrived, grant, Duration.ofSeconds(5));
        if (arrival == null) {
          lost++;
        } else {
          long afterResponse = (arrival.nanoTime() - answered) / 1000;
          if (afterResponse < 0) {
            early++;
          }
          fromResponse.recordValue(Math.max(0, afterResponse));
          Matcher recordedAt = RECORDED_AT.matcher(arrival.data());
          if (recordedAt.find()) {
            Duration sinceCommit =
                Duration.between(Instant.parse(recordedAt.group(1)), arrival.at());
            fromCommit.recordValue(Math.max(0, sinceCommit.toNanos() / 1000));
          }
        }
        ServiceProcess.sleep(50);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nrevocation to stream consumer, %d revocations one every 50 ms (%d arrived before the"
            + " response was read, counted as 0; %d never arrived within 5 s):%n%n",
        revocations,
        early,
        lost);
    System.out.println("| measured from | p50 ms | p90 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|");
    row("the revocation's HTTP response", fromResponse);
    row("the event's recordedAt (in the transaction)", fromCommit);
    System.out.println();
  }

  private static void row(String name, Histogram h) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }

  private static EventFollower.Arrival await(
      Map<String, EventFollower.Arrival> arrived, String grant, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      EventFollower.Arrival arrival = arrived.remove(grant);
      if (arrival != null) {
        return arrival;
      }
      ServiceProcess.sleep(1);
    }
    return null;
  }

  private static long revision(ServiceProcess mandate, String token) throws IOException {
    try (HttpConnection connection = new HttpConnection(mandate.base())) {
      HttpConnection.Response response =
          connection.exchange(
              Request.get("/api/v1/register/revision", token).encode(mandate.host()));
      Matcher revision = REVISION.matcher(response.text());
      if (response.status() != 200 || !revision.find()) {
        throw new IllegalStateException("no revision: " + response.text());
      }
      return Long.parseLong(revision.group(1));
    }
  }

  private static void requireCreated(URI base, byte[] request) throws IOException {
    try (HttpConnection connection = new HttpConnection(base)) {
      HttpConnection.Response response = connection.exchange(request);
      if (response.status() != 201) {
        throw new IllegalStateException(
            "the write is not accepted as it should be: "
                + response.status()
                + " "
                + response.text());
      }
    }
  }

  static String mandateJson() {
    return "{\"kind\":\"MANDATE\",\"grantor\":\"college\",\"holderPosition\":\"directeur-stad\","
        + "\"decisionTypes\":[\"inkoop-overeenkomst\"],\"ceiling\":100000,"
        + "\"validFrom\":\"2027-01-01\",\"subMandateAllowed\":true,"
        + "\"grantDecisionRef\":\"Mandaatbesluit load\"}";
  }

  static String subMandateJson() {
    return "{\"kind\":\"SUB_MANDATE\",\"parentGrantId\":\"G02-directeur-stad\","
        + "\"holderPosition\":\"afdelingshoofd-vergunningen\","
        + "\"decisionTypes\":[\"inkoop-overeenkomst\"],\"orgUnits\":[\"vergunningen\"],"
        + "\"ceiling\":40000,\"validFrom\":\"2027-01-01\",\"validTo\":\"2027-12-31\","
        + "\"subMandateAllowed\":false,\"instructions\":[]}";
  }
}
