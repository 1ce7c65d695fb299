package nl.mandaat.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.PropertyResolver;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL server and the service's own schema ({@code mandaat.db.*}, docs/suite.md).
 *
 * <p>Mapped to {@code spring.r2dbc.*} and {@code spring.flyway.*} before the context starts, unless
 * those standard properties are given (production).
 *
 * @param host the server's host name
 * @param port the server's port
 * @param name the database
 * @param username the user
 * @param password the user's password
 * @param schema the service's own schema: Flyway creates and migrates it, R2DBC uses it as {@code
 *     search_path}
 */
@ConfigurationProperties(DatabaseProperties.PREFIX)
@Validated
public record DatabaseProperties(
    @DefaultValue(DEFAULT_HOST) @NotBlank String host,
    @DefaultValue(DEFAULT_PORT) @Min(1) @Max(65535) int port,
    @DefaultValue(DEFAULT_NAME) @NotBlank String name,
    @DefaultValue(DEFAULT_USERNAME) @NotBlank String username,
    @DefaultValue(DEFAULT_PASSWORD) String password,
    @NotBlank String schema) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.db";

  static final String DEFAULT_HOST = "localhost";
  static final String DEFAULT_PORT = "5432";
  static final String DEFAULT_NAME = "mandaat";
  static final String DEFAULT_USERNAME = "postgres";
  static final String DEFAULT_PASSWORD = "postgres";

  String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + name + "?schema=" + schema;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** Reads the properties as they stand now, with the defaults above; the schema may be null. */
  static DatabaseProperties from(PropertyResolver resolver) {
    return new DatabaseProperties(
        resolver.getProperty(PREFIX + ".host", DEFAULT_HOST),
        resolver.getProperty(PREFIX + ".port", Integer.class, Integer.valueOf(DEFAULT_PORT)),
        resolver.getProperty(PREFIX + ".name", DEFAULT_NAME),
        resolver.getProperty(PREFIX + ".username", DEFAULT_USERNAME),
        resolver.getProperty(PREFIX + ".password", DEFAULT_PASSWORD),
        resolver.getProperty(PREFIX + ".schema"));
  }
}
