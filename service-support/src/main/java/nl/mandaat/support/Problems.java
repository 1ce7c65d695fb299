package nl.mandaat.support;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Errors a handler or filter raises to be answered as {@code application/problem+json} with a
 * {@code code} (by the suite's error handler).
 */
public final class Problems {

  private Problems() {}

  /** A problem with {@code status}, a stable {@code code} and a sentence for people. */
  public static ErrorResponseException of(HttpStatus status, String code, String detail) {
    return new ErrorResponseException(status, ProblemResponses.problem(status, code, detail), null);
  }

  /** As {@link #of}, telling the caller when to try again ({@code Retry-After}, whole seconds). */
  public static ErrorResponseException retryLater(
      HttpStatus status, String code, String detail, Duration after) {
    ErrorResponseException problem = of(status, code, detail);
    long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problem;
  }
}
