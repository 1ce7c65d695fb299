package nl.mandaat.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;

/** Checks, before anything starts, that every port the suite needs is free. */
final class PortCheck {

  private PortCheck() {}

  /**
   * Throws a {@link LaunchException} naming every port in use, with the fix.
   *
   * @param ports the ports to check
   * @param offset the offset in force, to suggest a free range
   */
  static void requireFree(List<SuitePorts.NamedPort> ports, int offset) {
    List<SuitePorts.NamedPort> taken = ports.stream().filter(p -> !isFree(p.port())).toList();
    if (!taken.isEmpty()) {
      throw new LaunchException(message(taken, offset));
    }
  }

  static String message(List<SuitePorts.NamedPort> taken, int offset) {
    String list =
        taken.stream()
            .map(p -> p.port() + " (" + p.owner() + ")")
            .collect(Collectors.joining(", "));
    String suggestion = "--port-offset " + (offset + 100);
    if (taken.size() == 1) {
      return "port " + list + " is in use; stop what uses it or pass " + suggestion;
    }
    return "ports " + list + " are in use; stop what uses them or pass " + suggestion;
  }

  /** True when nothing listens on the port, on the wildcard address nor on loopback. */
  static boolean isFree(int port) {
    return canBind(new InetSocketAddress(port))
        && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
