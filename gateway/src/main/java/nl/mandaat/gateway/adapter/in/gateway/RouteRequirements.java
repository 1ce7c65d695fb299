package nl.mandaat.gateway.adapter.in.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.mandaat.gateway.domain.RouteRequirement;
import org.springframework.cloud.gateway.route.Route;

/**
 * The requirement each route declares in its metadata ({@link RouteRequirement}), read once per
 * route definition. Thread-safe.
 */
public final class RouteRequirements {

  private record Read(Map<String, Object> metadata, RouteRequirement requirement) {}

  private final Map<String, Read> read = new ConcurrentHashMap<>();

  /**
   * Checks every route's declaration.
   *
   * @throws IllegalStateException naming every route that declares nothing or something invalid
   */
  public static void verify(List<Route> routes) {
    List<String> problems = new ArrayList<>();
    for (Route route : routes) {
      try {
        RouteRequirement.of(route.getId(), route.getMetadata());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The gateway refuses to start: every route must declare what it requires. "
              + String.join("; ", problems));
    }
  }

  /**
   * The requirement of {@code route}.
   *
   * @throws IllegalArgumentException when it declares none (a route added after start-up)
   */
  public RouteRequirement of(Route route) {
    Read known = read.get(route.getId());
    if (known != null && known.metadata() == route.getMetadata()) {
      return known.requirement();
    }
    RouteRequirement requirement = RouteRequirement.of(route.getId(), route.getMetadata());
    read.put(route.getId(), new Read(route.getMetadata(), requirement));
    return requirement;
  }
}
