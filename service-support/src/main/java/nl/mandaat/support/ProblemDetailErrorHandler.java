package nl.mandaat.support;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error that reaches the web layer as {@code application/problem+json} with a {@code
 * code}: an {@link ErrorResponse} (such as {@code ResponseStatusException} or {@code
 * ErrorResponseException}) keeps its status, detail, headers and properties; a token that could not
 * be checked because the issuer's keys are unreachable is a 503 {@code ISSUER_UNAVAILABLE};
 * anything else is a 500 without internals.
 */
final class ProblemDetailErrorHandler implements ErrorWebExceptionHandler, Ordered {

  /** Before Spring's own handlers, which would answer without a body. */
  static final int ORDER = -2;

  private final ProblemResponses problems;

  ProblemDetailErrorHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    ProblemResponses.Problem problem =
        ProblemResponses.forError(
            ex, exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value());
    return problems.write(exchange, problem.detail(), problem.headers());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
