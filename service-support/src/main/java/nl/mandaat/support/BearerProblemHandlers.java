package nl.mandaat.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and 403, both as problem documents.
 * Descriptions of a rejected token stay generic: the reason is logged, not told to the caller.
 */
public final class BearerProblemHandlers
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final ProblemResponses problems;

  public BearerProblemHandlers(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    ProblemResponses.Problem problem = unauthenticated(ex);
    return problems.write(exchange, problem.detail(), problem.headers());
  }

  /** The 401 for a request without a usable bearer token, with its RFC 6750 challenge. */
  public static ProblemResponses.Problem unauthenticated(AuthenticationException ex) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge(ex));
    return new ProblemResponses.Problem(
        ProblemResponses.problem(
            HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid bearer token is required."),
        headers);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    return problems.write(
        exchange,
        ProblemResponses.problem(
            HttpStatus.FORBIDDEN, "FORBIDDEN", "The token does not allow this request."),
        headers);
  }

  static String challenge(AuthenticationException ex) {
    if (ex instanceof OAuth2AuthenticationException oauth
        && oauth.getError() instanceof BearerTokenError error) {
      return "Bearer error=\"" + error.getErrorCode() + "\"";
    }
    return "Bearer";
  }
}
