package nl.mandaat.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * One embedded PostgreSQL 17 server (zonky binaries) holding the database {@value #DATABASE}; each
 * service creates and migrates its own schema in it.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "mandaat";
  static final String USERNAME = "postgres";
  static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /**
   * Starts the server on {@code port} with its files in {@code directory} (kept there when it
   * already holds a cluster) and makes sure the database exists.
   */
  static EmbeddedDatabase start(Path directory, int port, Path log) {
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(directory);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setRegisterShutdownHook(false)
              .setServerConfig("shared_buffers", "32MB")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException | RuntimeException e) {
      throw new LaunchException(
          "PostgreSQL did not start on port "
              + port
              + " ("
              + rootMessage(e)
              + "); see "
              + log
              + ", or pass --data with another directory",
          e);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
    database.createDatabase();
    return database;
  }

  private void createDatabase() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      close();
      throw new LaunchException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  /**
   * The postmaster, which {@code pg_ctl} detaches from the launcher; empty when it is not running.
   */
  Optional<ProcessHandle> postmaster() {
    try {
      Path pidFile = directory.resolve("postmaster.pid");
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(pidFile).get(0).trim();
      return ProcessHandle.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    Optional<ProcessHandle> postmaster = postmaster();
    try {
      postgres.close();
    } catch (IOException e) {
      Console.problem("stopping PostgreSQL: " + e.getMessage());
    }
    // pg_ctl stop waits at most a few seconds; make sure nothing of the server outlives the
    // launcher.
    postmaster.ifPresent(p -> ProcessTree.stop(java.util.List.of(p), Duration.ofSeconds(10)));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
