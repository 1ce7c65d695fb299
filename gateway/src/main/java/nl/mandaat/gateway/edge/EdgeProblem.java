package nl.mandaat.gateway.edge;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An answer the edge gives instead of the upstream's: a problem document with a {@code code},
 * written by service-support's error handler as {@code application/problem+json}.
 */
public final class EdgeProblem extends ErrorResponseException {

  private EdgeProblem(HttpStatus status, ProblemDetail body, HttpHeaders headers) {
    super(status, body, null);
    getHeaders().addAll(headers);
  }

  /** A problem with {@code status}, {@code code} and a sentence for people. */
  public static EdgeProblem of(HttpStatus status, String code, String detail) {
    return of(status, code, detail, HttpHeaders.EMPTY);
  }

  /** As {@link #of(HttpStatus, String, String)}, with response headers such as Retry-After. */
  public static EdgeProblem of(HttpStatus status, String code, String detail, HttpHeaders headers) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setProperty("code", code);
    body.setType(URI.create("about:blank"));
    return new EdgeProblem(status, body, headers);
  }

  /** The problem's code. */
  public String code() {
    return String.valueOf(getBody().getProperties().get("code"));
  }
}
