package nl.mandaat.gateway.adapter.in;

import java.time.Duration;
import nl.mandaat.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * What both inbound adapters, the decision point and the mandate routes, answer when the register
 * replica cannot: 503 {@code REGISTER_UNAVAILABLE} with {@code Retry-After}, never a permit.
 */
public final class RegisterUnavailable {

  private RegisterUnavailable() {}

  /**
   * The problem for a register that is stale, or that has not reached {@code minRevision} (null
   * when none was asked for); {@code refused} says what the adapter does not do on a stale
   * register.
   */
  public static ErrorResponseException problem(
      Long minRevision, String refused, Duration retryAfter) {
    return Problems.retryLater(
        HttpStatus.SERVICE_UNAVAILABLE,
        "REGISTER_UNAVAILABLE",
        minRevision == null
            ? "The mandate register is unavailable; " + refused + "."
            : "The mandate register has not reached revision " + minRevision + " yet.",
        retryAfter);
  }
}
