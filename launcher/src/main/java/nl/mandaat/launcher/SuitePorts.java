package nl.mandaat.launcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Every port of the suite with {@code --port-offset} applied: the services, Keycloak (or the
 * in-process issuer), Keycloak's management interface and PostgreSQL.
 */
public record SuitePorts(int offset) {

  public static final int KEYCLOAK = 8180;
  public static final int KEYCLOAK_MANAGEMENT = 9000;
  public static final int POSTGRES = 5432;

  /** The largest offset that keeps every port below 65536. */
  public static final int MAX_OFFSET = 65535 - KEYCLOAK_MANAGEMENT;

  public SuitePorts {
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new LaunchException(
          "--port-offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
    }
  }

  public int of(ServiceModule service) {
    return service.basePort() + offset;
  }

  public int keycloak() {
    return KEYCLOAK + offset;
  }

  public int keycloakManagement() {
    return KEYCLOAK_MANAGEMENT + offset;
  }

  public int postgres() {
    return POSTGRES + offset;
  }

  /** The issuer every token carries; always {@code localhost} (docs/suite.md, "Tokens"). */
  public URI issuer() {
    return URI.create("http://localhost:" + keycloak() + "/realms/mandaat");
  }

  public URI gateway() {
    return URI.create("http://localhost:" + of(ServiceModule.GATEWAY));
  }

  public URI service(ServiceModule service) {
    return URI.create("http://localhost:" + of(service));
  }

  /** The ports the suite listens on, in the order they are checked and reported. */
  public List<NamedPort> listening(boolean keycloak) {
    List<NamedPort> ports = new ArrayList<>();
    for (ServiceModule service : ServiceModule.values()) {
      ports.add(new NamedPort(of(service), service.module()));
    }
    ports.add(new NamedPort(keycloak(), keycloak ? "Keycloak" : "the in-process issuer"));
    ports.add(new NamedPort(postgres(), "PostgreSQL"));
    return ports;
  }

  /** A port and who in the suite wants it. */
  public record NamedPort(int port, String owner) {}
}
