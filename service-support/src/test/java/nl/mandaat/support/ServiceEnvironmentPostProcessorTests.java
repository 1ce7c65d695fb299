package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ServiceEnvironmentPostProcessorTests {

  private final ServiceEnvironmentPostProcessor postProcessor =
      new ServiceEnvironmentPostProcessor();

  @Test
  void theDatabasePropertiesBecomeR2dbcWithTheSchemaAsSearchPath() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("mandaat.db.host", "db.example")
            .withProperty("mandaat.db.port", "6543")
            .withProperty("mandaat.db.name", "register")
            .withProperty("mandaat.db.username", "svc")
            .withProperty("mandaat.db.password", "secret")
            .withProperty("mandaat.db.schema", "org");

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://db.example:6543/register?schema=org");
    assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo("svc");
    assertThat(environment.getProperty("spring.r2dbc.password")).isEqualTo("secret");
  }

  @Test
  void flywayMigratesTheServiceSchemaAndCreatesIt() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("mandaat.db.schema", "mandate");

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://localhost:5432/mandaat");
    assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("postgres");
    assertThat(environment.getProperty("spring.flyway.schemas")).isEqualTo("mandate");
    assertThat(environment.getProperty("spring.flyway.default-schema")).isEqualTo("mandate");
    assertThat(environment.getProperty("spring.flyway.create-schemas")).isEqualTo("true");
  }

  @Test
  void theStandardSpringPropertiesWinOverTheMapping() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("mandaat.db.schema", "org")
            .withProperty("spring.r2dbc.url", "r2dbc:postgresql://prod:5432/mandaat?schema=org")
            .withProperty("spring.flyway.url", "jdbc:postgresql://prod:5432/mandaat");

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://prod:5432/mandaat?schema=org");
    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://prod:5432/mandaat");
    assertThat(ServiceEnvironmentPostProcessor.databaseProperties(environment))
        .doesNotContainKeys("spring.r2dbc.url", "spring.flyway.url", "spring.flyway.user");
  }

  @Test
  void aPropertySetByTheServiceWinsOverASharedDefault() {
    MockEnvironment environment =
        new MockEnvironment().withProperty("management.endpoints.web.exposure.include", "health");

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health");
    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
  }

  @Test
  void databasePropertiesAddedAfterStartUpStillCount() {
    MockEnvironment environment = new MockEnvironment().withProperty("mandaat.db.schema", "org");
    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    environment
        .getPropertySources()
        .addFirst(
            new org.springframework.core.env.MapPropertySource(
                "dynamic", java.util.Map.of("mandaat.db.port", "40123")));

    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://localhost:40123/mandaat?schema=org");
    assertThat(environment.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://localhost:40123/mandaat");
  }

  @Test
  void withoutASchemaNothingIsMappedToTheDatabase() {
    MockEnvironment environment = new MockEnvironment();

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.containsProperty("spring.r2dbc.url")).isFalse();
    assertThat(environment.containsProperty("spring.flyway.url")).isFalse();
  }
}
