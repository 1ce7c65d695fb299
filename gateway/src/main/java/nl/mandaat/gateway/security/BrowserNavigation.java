package nl.mandaat.gateway.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A browser asking for a page: a GET outside the machine-facing paths whose {@code Accept} names
 * {@code text/html} explicitly. Only such a request is sent to the login page when it lacks
 * authentication; an API call always gets a 401 with {@code WWW-Authenticate: Bearer}.
 */
final class BrowserNavigation implements ServerWebExchangeMatcher {

  /** Paths that machines call: never redirected to a login page. */
  static final List<String> MACHINE_PREFIXES =
      List.of("/api/", "/access/", "/internal/", "/actuator/", "/.well-known/");

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    var request = exchange.getRequest();
    String path = request.getPath().pathWithinApplication().value();
    boolean machinePath =
        MACHINE_PREFIXES.stream().anyMatch(p -> path.startsWith(p) || path.equals(trim(p)));
    boolean wantsHtml =
        request.getHeaders().getAccept().stream()
            .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
    boolean bearer = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    return HttpMethod.GET.equals(request.getMethod()) && !machinePath && wantsHtml && !bearer
        ? MatchResult.match()
        : MatchResult.notMatch();
  }

  private static String trim(String prefix) {
    return prefix.substring(0, prefix.length() - 1);
  }
}
