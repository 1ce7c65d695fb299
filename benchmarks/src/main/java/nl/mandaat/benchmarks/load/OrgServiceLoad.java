package nl.mandaat.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * org-service under load (issue 4): the import of 20,000 persons, then the read of a person's
 * positions at a moment, over 200 open connections, at constant arrival rates and in a closed loop.
 * Starts PostgreSQL, the issuer and org-service itself; stops them when done.
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl org-service,benchmarks -am package
 * java -cp benchmarks/target/benchmarks.jar nl.mandaat.benchmarks.load.OrgServiceLoad
 * </pre>
 *
 * <p>{@code -Dload.rates=500,1000,...} (requests per second), {@code -Dload.connections=200},
 * {@code -Dload.warmup=10}, {@code -Dload.seconds=20}, {@code -Dload.persons=20000}.
 */
public final class OrgServiceLoad {

  static final String AT = "2026-06-01";

  private OrgServiceLoad() {}

  public static void main(String[] args) {
    LoadEnvironment.runAndExit(OrgServiceLoad::run);
  }

  private static void run() throws IOException {
    int connections = LoadOptions.integer("connections", 200);
    int persons = LoadOptions.integer("persons", 20_000);
    Duration warmUp = LoadOptions.seconds("warmup", 10);
    Duration measure = LoadOptions.seconds("seconds", 20);
    List<Double> rates = LoadOptions.rates("500,1000,1500,2000,3000");

    LoadEnvironment environment = LoadEnvironment.start();
    try (ServiceProcess org = environment.startService("org-service", "org", Map.of())) {
      String beheer = environment.token("beheer", "register-beheer");
      String reader = environment.token("tm-omgeving", "medewerker", "manager");

      byte[] csv = importFile(persons).getBytes(StandardCharsets.UTF_8);
      Duration cpuBefore = org.cpuTime();
      long begin = System.nanoTime();
      HttpConnection.Response imported;
      try (HttpConnection connection = new HttpConnection(org.base(), Duration.ofMinutes(15))) {
        imported =
            connection.exchange(
                new Request(
                        "POST",
                        "/api/v1/org/import",
                        Map.of("Authorization", "Bearer " + beheer, "Content-Type", "text/csv"),
                        csv)
                    .encode(org.host()));
      }
      double importSeconds = (System.nanoTime() - begin) / 1e9;
      double importCpu = org.cpuTime().minus(cpuBefore).toMillis() / 1e3;
      if (imported.status() != 200) {
        throw new IllegalStateException("import refused: " + imported.text());
      }
      System.out.printf(
          Locale.ROOT,
          "%nimport of %,d persons with an assignment each (CSV, %,d bytes): %.1f s"
              + " (org-service CPU %.1f s) -> %s%n",
          persons,
          csv.length,
          importSeconds,
          importCpu,
          imported.text());

      // Each request asks about another imported person; every one holds one position that day.
      List<byte[]> reads = new ArrayList<>(persons);
      for (int i = 0; i < persons; i++) {
        reads.add(
            Request.get("/api/v1/org/persons/" + username(i) + "/positions?at=" + AT, reader)
                .encode(org.host()));
      }
      requireOnePosition(org, reads.get(0));
      LoadGenerator generator =
          new LoadGenerator(
              org.base(),
              connections,
              number -> reads.get((int) (number % reads.size())),
              status -> status == 200,
              org::cpuTime);
      // Not reported: the JIT compiles the read path before anything is measured.
      generator.constantRate("warm-up", 500, Duration.ZERO, Duration.ofSeconds(30));
      List<LoadResult> results = new ArrayList<>();
      for (double rate : rates) {
        results.add(generator.constantRate("positions at a date", rate, warmUp, measure));
        LoadResult.print(results.subList(results.size() - 1, results.size()), System.out);
      }
      results.add(generator.closedLoop("positions at a date", warmUp, measure));
      System.out.println("org-service, all runs:");
      LoadResult.print(results, System.out);
    }
  }

  static String username(int i) {
    return String.format(Locale.ROOT, "load-%05d", i);
  }

  /** Persons with one assignment each to the two demo positions that take any number of holders. */
  static String importFile(int persons) {
    StringBuilder csv = new StringBuilder("username,displayName,sub,position,validFrom,validTo\n");
    for (int i = 0; i < persons; i++) {
      String position = i % 2 == 0 ? "medewerker-vergunningen" : "medewerker-wi";
      csv.append(username(i))
          .append(",Medewerker ")
          .append(i)
          .append(',')
          .append("sub-")
          .append(i)
          .append(',')
          .append(position)
          .append(",2026-01-01,\n");
    }
    return csv.toString();
  }

  private static void requireOnePosition(ServiceProcess org, byte[] request) {
    try (HttpConnection connection = new HttpConnection(org.base())) {
      HttpConnection.Response response = connection.exchange(request);
      if (response.status() != 200 || !response.text().contains("\"via\":\"ASSIGNMENT\"")) {
        throw new IllegalStateException(
            "the read does not answer what it should: "
                + response.status()
                + " "
                + response.text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
