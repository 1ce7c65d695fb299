package nl.mandaat.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL 17 server of a test JVM, shared by every test class in it.
 *
 * <p>Started lazily on first use and stopped by a shutdown hook. Where a Docker engine answers it
 * is a Testcontainers container; otherwise the real server binaries of zonky's embedded PostgreSQL
 * (linux-amd64). Each service keeps to its own schema, so sharing one server is safe.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *   TestDatabase.registerProperties(registry);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestDatabase {

  /** Connection coordinates of the running server. */
  public record Coordinates(String host, int port, String name, String username, String password) {

    /** A JDBC URL for this server and database. */
    public String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }
  }

  private static final String DOCKER_IMAGE = "postgres:17-alpine";

  private TestDatabase() {}

  /** The running server, started on the first call. */
  public static Coordinates coordinates() {
    return Holder.COORDINATES;
  }

  /**
   * Registers {@code mandaat.db.host}, {@code port}, {@code name}, {@code username} and {@code
   * password} for this server, for use in a {@code @DynamicPropertySource} method.
   */
  public static void registerProperties(DynamicPropertyRegistry registry) {
    registry.add("mandaat.db.host", () -> coordinates().host());
    registry.add("mandaat.db.port", () -> coordinates().port());
    registry.add("mandaat.db.name", () -> coordinates().name());
    registry.add("mandaat.db.username", () -> coordinates().username());
    registry.add("mandaat.db.password", () -> coordinates().password());
  }

  // The holder idiom starts the server once, on first use, without locking afterwards.
  private static final class Holder {
    private static final Coordinates COORDINATES = start();
  }

  private static Coordinates start() {
    return dockerAvailable() ? startContainer() : startEmbedded();
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // closed by the shutdown hook
  private static Coordinates startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer(DOCKER_IMAGE);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-database-stop"));
    return new Coordinates(
        container.getHost(),
        container.getMappedPort(5432),
        container.getDatabaseName(),
        container.getUsername(),
        container.getPassword());
  }

  private static Coordinates startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      // the JVM is ending; the data directory is temporary anyway
                    }
                  },
                  "test-database-stop"));
      // zonky's server trusts local connections, so any password is accepted.
      return new Coordinates("localhost", postgres.getPort(), "postgres", "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }
}
