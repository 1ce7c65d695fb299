package nl.mandaat.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
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

  // Written as a map so the members sit at the top level whatever the JSON library's mix-ins.
  static Map<String, Object> asDocument(ProblemDetail problem) {
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
}
