package nl.mandaat.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem documents ({@code application/problem+json}) with a {@code code}. Public
 * so the gateway, which builds its own security chain, answers in the same shape.
 */
public final class ProblemResponses {

  /** The member naming the machine-readable reason, e.g. {@code UNAUTHENTICATED}. */
  public static final String CODE = "code";

  private static final String ISSUER_RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  private final ServerResponse.Context context;

  public ProblemResponses(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  /**
   * A problem document and the headers that go with it, such as {@code Retry-After}.
   *
   * @param detail a copy owned by this answer: setting its instance touches nothing shared
   */
  public record Problem(ProblemDetail detail, HttpHeaders headers) {}

  /**
   * The answer to {@code error} at {@code method path}, logged as its kind deserves: an {@link
   * ErrorResponse} (such as {@code ResponseStatusException} or {@code ErrorResponseException})
   * keeps its status, detail, headers and properties; a token that could not be checked because the
   * issuer's keys are unreachable is a 503 {@code ISSUER_UNAVAILABLE}; anything else is a 500
   * without internals. One rule for every path that answers with a problem.
   */
  public static Problem forError(Throwable error, String method, String path) {
    if (error instanceof AuthenticationServiceException) {
      // The token could not be checked at all (keys unreachable): not the caller's fault.
      log.warn("Token check failed: {}", error.getMessage());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, ISSUER_RETRY_AFTER_SECONDS);
      return new Problem(
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "ISSUER_UNAVAILABLE",
              "The token issuer's keys cannot be reached; try again shortly."),
          headers);
    }
    if (error instanceof ErrorResponse response) {
      if (response.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
        // Deliberate and with Retry-After (fail closed): worth a line, not a stack trace.
        log.warn("{} {}: 503 {}", method, path, response.getBody().getDetail());
      } else if (response.getStatusCode().is5xxServerError()) {
        log.error("{} {} failed", method, path, error);
      }
      return new Problem(copy(response.getBody()), response.getHeaders());
    }
    log.error("{} {} failed", method, path, error);
    return new Problem(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            "The request could not be completed."),
        HttpHeaders.EMPTY);
  }

  /** A problem for {@code status} with the given code, e.g. {@code UNAUTHENTICATED}. */
  public static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty(CODE, code);
    return problem;
  }

  /** Writes {@code problem} with {@code headers}; the instance defaults to the request path. */
  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    }
    return ServerResponse.status(problem.getStatus())
        .headers(h -> h.addAll(headers))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(asDocument(problem))
        .flatMap(response -> response.writeTo(exchange, context));
  }

  /**
   * The problem's members in document order, with a {@code code} always: written as a map so the
   * members sit at the top level whatever the JSON library's mix-ins.
   */
  public static Map<String, Object> asDocument(ProblemDetail problem) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (problem.getType() != null) {
      document.put("type", problem.getType().toString());
    }
    if (problem.getTitle() != null) {
      document.put("title", problem.getTitle());
    }
    document.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      document.put("detail", problem.getDetail());
    }
    if (problem.getInstance() != null) {
      document.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      problem.getProperties().forEach(document::putIfAbsent);
    }
    HttpStatus status = HttpStatus.resolve(problem.getStatus());
    document.putIfAbsent(CODE, status != null ? status.name() : "ERROR");
    return document;
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
}
