package nl.mandaat.gateway.edge;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies {@link CanonicalPath} to every request before security and routing see it: a refused path
 * is a 400 problem {@code NON_CANONICAL_PATH} with the {@code reason}, and an accepted one
 * continues with its canonical spelling, which is what routes match, security checks and the
 * upstream receives.
 *
 * <p>The known prefixes are the literal beginnings of every route's {@code Path} predicate ({@code
 * /api/v1/org/**} gives {@code /api/v1/org}) plus {@code mandaat.edge.canonical-prefixes}; they are
 * read again when the routes are refreshed.
 */
public final class CanonicalPathFilter
    implements WebFilter, Ordered, ApplicationListener<RefreshRoutesResultEvent> {

  /** Before everything else, Spring Security's chain ({@code -100}) included. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  /** The problem code of a refused path. */
  public static final String CODE = "NON_CANONICAL_PATH";

  private final RouteDefinitionLocator routes;
  private final List<String> configuredPrefixes;
  private final AtomicReference<Mono<Set<String>>> prefixes = new AtomicReference<>();

  public CanonicalPathFilter(RouteDefinitionLocator routes, List<String> configuredPrefixes) {
    this.routes = routes;
    this.configuredPrefixes = List.copyOf(configuredPrefixes);
    this.prefixes.set(load());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String raw = exchange.getRequest().getURI().getRawPath();
    return prefixes
        .get()
        .flatMap(
            known -> {
              CanonicalPath.Verdict verdict = CanonicalPath.check(raw == null ? "/" : raw, known);
              if (verdict.refused().isPresent()) {
                EdgeProblem problem =
                    EdgeProblem.of(
                        HttpStatus.BAD_REQUEST,
                        CODE,
                        "The path is not in its canonical form; send it without encoded"
                            + " separators or dots, dot segments, backslashes or matrix"
                            + " parameters, and with the prefix as documented.");
                problem.getBody().setProperty("reason", verdict.refused().get().name());
                return Mono.error(problem);
              }
              String canonical = verdict.canonical().orElseThrow();
              if (canonical.equals(raw)) {
                return chain.filter(exchange);
              }
              return chain.filter(
                  exchange.mutate().request(request -> request.path(canonical)).build());
            });
  }

  @Override
  public void onApplicationEvent(RefreshRoutesResultEvent event) {
    prefixes.set(load());
  }

  private Mono<Set<String>> load() {
    return routes
        .getRouteDefinitions()
        .flatMapIterable(RouteDefinition::getPredicates)
        .filter(predicate -> "Path".equalsIgnoreCase(predicate.getName()))
        .flatMapIterable(CanonicalPathFilter::patterns)
        .map(CanonicalPathFilter::literalPrefix)
        .concatWithValues(configuredPrefixes.toArray(String[]::new))
        .filter(prefix -> prefix.length() > 1)
        .collect(() -> (Set<String>) new TreeSet<String>(), Set::add)
        .map(Set::copyOf)
        .cache();
  }

  private static List<String> patterns(PredicateDefinition predicate) {
    return predicate.getArgs().values().stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .map(String::trim)
        .toList();
  }

  /** {@code /api/v1/org/**} gives {@code /api/v1/org}; {@code /a/{id}/b} gives {@code /a}. */
  static String literalPrefix(String pattern) {
    StringBuilder prefix = new StringBuilder();
    for (String segment : pattern.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.contains("*") || segment.contains("{") || segment.contains("?")) {
        break;
      }
      prefix.append('/').append(segment);
    }
    return prefix.toString();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
