package nl.mandaat.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;

/**
 * What every service under load needs besides itself: one embedded PostgreSQL 17 and one OIDC
 * issuer, both test-support's (started on first use, stopped when the harness JVM ends), and the
 * repository root the service jars are found under.
 */
public final class LoadEnvironment {

  private final Path root;

  private LoadEnvironment(Path root) {
    this.root = root;
  }

  /**
   * Starts the database and the issuer; the root is the working directory or {@code -Dload.root}.
   */
  public static LoadEnvironment start() {
    Path root = Path.of(System.getProperty("load.root", ".")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("mvnw"))) {
      throw new IllegalStateException(
          root + " is not the repository root; run from there or pass -Dload.root=DIR");
    }
    TestDatabase.coordinates();
    TestIssuer.issuerUri();
    return new LoadEnvironment(root);
  }

  /**
   * The properties of docs/suite.md for a service keeping to {@code schema}, seeded with the demo
   * municipality (profile {@code demo}).
   */
  public Map<String, String> serviceProperties(String schema) {
    TestDatabase.Coordinates db = TestDatabase.coordinates();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("mandaat.db.host", db.host());
    properties.put("mandaat.db.port", Integer.toString(db.port()));
    properties.put("mandaat.db.name", db.name());
    properties.put("mandaat.db.username", db.username());
    properties.put("mandaat.db.password", db.password());
    properties.put("mandaat.db.schema", schema);
    properties.put("mandaat.security.issuer-uri", TestIssuer.issuerUri());
    properties.put("mandaat.security.jwk-set-uri", TestIssuer.issuerUri() + "/jwks");
    properties.put("mandaat.security.audience", TestIssuer.AUDIENCE);
    properties.put("spring.profiles.active", "demo");
    return properties;
  }

  /** Starts {@code module} with {@link #serviceProperties} plus {@code extra}. */
  public ServiceProcess startService(String module, String schema, Map<String, String> extra) {
    Map<String, String> properties = serviceProperties(schema);
    properties.putAll(extra);
    return ServiceProcess.start(root, module, properties);
  }

  /** A token of the issuer for {@code username} with realm {@code roles}. */
  public String token(String username, String... roles) {
    return TestIssuer.token(username, roles);
  }

  public Path root() {
    return root;
  }

  /** A harness's body. */
  public interface Harness {
    void run() throws Exception;
  }

  /**
   * Runs {@code harness} and ends the JVM: the issuer keeps a non-daemon thread, and exiting runs
   * the shutdown hooks that stop the services, the issuer and the database. Exit code 1 on failure.
   */
  public static void runAndExit(Harness harness) {
    int status = 0;
    try {
      harness.run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.exit(status);
  }
}
