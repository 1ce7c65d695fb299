package nl.mandaat.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Adds the defaults every mandaat service shares, as the lowest-precedence property sources, so any
 * property a service or its operator sets wins.
 *
 * <ul>
 *   <li>{@code mandaat.db.*} become {@code spring.r2dbc.url} (the schema as {@code search_path})
 *       and {@code spring.flyway.url}, {@code schemas}, {@code default-schema}, {@code
 *       create-schemas}, unless {@code spring.r2dbc.url} or {@code spring.flyway.url} is given. The
 *       mapping is read on every look-up, so {@code mandaat.db.*} added later (a test's
 *       {@code @DynamicPropertySource}) still count;
 *   <li>ECS JSON logs on the console, health probes on, actuator exposure {@code
 *       health,prometheus,info}.
 * </ul>
 */
public final class ServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  /** Just after the configuration files are read. */
  public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

  static final String DATABASE_SOURCE_NAME = "mandaatDatabase";
  static final String DEFAULTS_SOURCE_NAME = "mandaatServiceDefaults";

  private static final Map<String, Object> SHARED_DEFAULTS =
      Map.of(
          "logging.structured.format.console", "ecs",
          "spring.main.banner-mode", "off",
          "management.endpoint.health.probes.enabled", "true",
          "management.endpoints.web.exposure.include", "health,prometheus,info",
          "spring.r2dbc.pool.initial-size", "1",
          "spring.r2dbc.pool.max-size", "5");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    var sources = environment.getPropertySources();
    sources.remove(DATABASE_SOURCE_NAME);
    sources.remove(DEFAULTS_SOURCE_NAME);
    sources.addLast(new DatabasePropertySource(environment));
    sources.addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, SHARED_DEFAULTS));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  /** The {@code spring.r2dbc.*} and {@code spring.flyway.*} that {@code mandaat.db.*} implies. */
  static Map<String, Object> databaseProperties(ConfigurableEnvironment environment) {
    Map<String, Object> mapped = new LinkedHashMap<>();
    DatabaseProperties db = DatabaseProperties.from(environment);
    if (db.schema() == null || db.schema().isBlank()) {
      return mapped;
    }
    if (!definedElsewhere(environment, "spring.r2dbc.url")) {
      mapped.put("spring.r2dbc.url", db.r2dbcUrl());
      mapped.put("spring.r2dbc.username", db.username());
      mapped.put("spring.r2dbc.password", db.password());
    }
    if (!definedElsewhere(environment, "spring.flyway.url")) {
      mapped.put("spring.flyway.url", db.jdbcUrl());
      mapped.put("spring.flyway.user", db.username());
      mapped.put("spring.flyway.password", db.password());
    }
    mapped.put("spring.flyway.schemas", db.schema());
    mapped.put("spring.flyway.default-schema", db.schema());
    mapped.put("spring.flyway.create-schemas", "true");
    return mapped;
  }

  private static boolean definedElsewhere(ConfigurableEnvironment environment, String name) {
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof DatabasePropertySource
          || source.getName().equals(ATTACHED_SOURCE_NAME)) {
        continue;
      }
      if (source.containsProperty(name)) {
        return true;
      }
    }
    return false;
  }

  // Boot's view of all other sources, which would answer for this one too.
  private static final String ATTACHED_SOURCE_NAME = "configurationProperties";

  /**
   * Not enumerable, and not backed by the environment itself: Boot walks into sources backed by an
   * environment, and caches the names of enumerable ones, while these names and values follow
   * {@code mandaat.db.*} as it changes.
   */
  private static final class DatabasePropertySource extends PropertySource<Object> {

    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

    private final ConfigurableEnvironment environment;

    DatabasePropertySource(ConfigurableEnvironment environment) {
      super(DATABASE_SOURCE_NAME, new Object());
      this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
      if (!name.startsWith("spring.r2dbc.") && !name.startsWith("spring.flyway.")) {
        return null;
      }
      // Reading mandaat.db.* walks every source, this one included: answer nothing meanwhile.
      if (RESOLVING.get()) {
        return null;
      }
      RESOLVING.set(true);
      try {
        return databaseProperties(environment).get(name);
      } finally {
        RESOLVING.set(false);
      }
    }
  }
}
