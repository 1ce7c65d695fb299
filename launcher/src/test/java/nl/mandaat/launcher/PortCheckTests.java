package nl.mandaat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTests {

  @Test
  void oneTakenPortGivesOneLineWithTheFix() {
    String message = PortCheck.message(List.of(new SuitePorts.NamedPort(8081, "org-service")), 0);

    assertThat(message)
        .isEqualTo(
            "port 8081 (org-service) is in use; stop what uses it or pass --port-offset 100");
  }

  @Test
  void severalTakenPortsAreNamedTogetherAndTheSuggestionMovesPastTheCurrentOffset() {
    String message =
        PortCheck.message(
            List.of(
                new SuitePorts.NamedPort(8180, "gateway"),
                new SuitePorts.NamedPort(8280, "Keycloak")),
            100);

    assertThat(message)
        .isEqualTo(
            "ports 8180 (gateway), 8280 (Keycloak) are in use; stop what uses them or pass --port-offset 200");
  }

  @Test
  void aPortSomeoneListensOnLoopbackIsNotFree() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThat(PortCheck.isFree(port)).isFalse();
      assertThatThrownBy(
              () -> PortCheck.requireFree(List.of(new SuitePorts.NamedPort(port, "web")), 0))
          .isInstanceOf(LaunchException.class)
          .hasMessage(
              "port " + port + " (web) is in use; stop what uses it or pass --port-offset 100");
    }
  }

  @Test
  void aPortNobodyUsesIsFree() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    assertThat(PortCheck.isFree(port)).isTrue();
  }

  @Test
  void theSuiteChecksEveryServiceKeycloakAndPostgres() {
    List<SuitePorts.NamedPort> ports = new SuitePorts(0).listening(true);

    assertThat(ports)
        .extracting(SuitePorts.NamedPort::port)
        .containsExactly(8080, 8081, 8082, 8083, 8084, 8085, 8180, 5432);
    assertThat(new SuitePorts(0).listening(false))
        .contains(new SuitePorts.NamedPort(8180, "the in-process issuer"));
  }
}
