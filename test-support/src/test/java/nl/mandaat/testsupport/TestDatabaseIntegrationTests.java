package nl.mandaat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class TestDatabaseIntegrationTests {

  @Test
  void theServerIsPostgreSql17AndAcceptsTheRegisteredCredentials() throws SQLException {
    TestDatabase.Coordinates db = TestDatabase.coordinates();
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        ResultSet version = connection.createStatement().executeQuery("show server_version")) {
      assertThat(version.next()).isTrue();
      assertThat(version.getString(1)).startsWith("17.");
    }
  }

  @Test
  void everyCallSharesTheOneServerOfThisJvm() {
    assertThat(TestDatabase.coordinates()).isSameAs(TestDatabase.coordinates());
  }

  @Test
  void theRegisteredPropertiesNameTheRunningServer() {
    Map<String, Object> registered = new HashMap<>();
    DynamicPropertyRegistry registry = (name, supplier) -> registered.put(name, supplier.get());
    TestDatabase.registerProperties(registry);
    assertThat(registered)
        .containsEntry("mandaat.db.port", TestDatabase.coordinates().port())
        .containsEntry("mandaat.db.host", TestDatabase.coordinates().host())
        .containsKeys("mandaat.db.name", "mandaat.db.username", "mandaat.db.password");
  }
}
