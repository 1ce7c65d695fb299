package nl.mandaat.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.ErrorResponse;
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

  private static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailErrorHandler.class);

  private final ProblemResponses problems;

  ProblemDetailErrorHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    if (ex instanceof AuthenticationServiceException) {
      // The token could not be checked at all (keys unreachable): not the caller's fault.
      log.warn("Token check failed: {}", ex.getMessage());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      return problems.write(
          exchange,
          ProblemResponses.problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "ISSUER_UNAVAILABLE",
              "The token issuer's keys cannot be reached; try again shortly."),
          headers);
    }
    if (ex instanceof ErrorResponse error) {
      if (error.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
        // Deliberate and with Retry-After (fail closed): worth a line, not a stack trace.
        log.warn(
            "{} {}: 503 {}",
            exchange.getRequest().getMethod(),
            exchange.getRequest().getPath(),
            error.getBody().getDetail());
      } else if (error.getStatusCode().is5xxServerError()) {
        log.error(
            "{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
      }
      return problems.write(exchange, copy(error.getBody()), error.getHeaders());
    }
    log.error(
        "{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
    return problems.write(
        exchange,
        ProblemResponses.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            "The request could not be completed."),
        HttpHeaders.EMPTY);
  }

  // The body of an exception can be shared (a static instance); the instance member is per request.
  private static ProblemDetail copy(ProblemDetail body) {
    ProblemDetail copy = ProblemDetail.forStatus(body.getStatus());
    copy.setType(body.getType());
    copy.setTitle(body.getTitle());
    copy.setDetail(body.getDetail());
    copy.setInstance(body.getInstance());
    if (body.getProperties() != null) {
      body.getProperties().forEach(copy::setProperty);
    }
    return copy;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
