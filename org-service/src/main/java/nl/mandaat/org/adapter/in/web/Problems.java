package nl.mandaat.org.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Violation;
import nl.mandaat.org.application.ConcurrentChange;
import nl.mandaat.org.application.NotFound;
import nl.mandaat.org.application.RejectedChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The application's refusals as problem documents with a {@code code}: 422 for a broken rule (with
 * every violation), 404 for an unknown record, 409 {@code CONFLICT} for a lost race, 400 for
 * malformed input. The shared error handler of service-support writes them.
 */
final class Problems {

  private Problems() {}

  static Throwable translate(Throwable failure) {
    if (failure instanceof RejectedChange rejected) {
      return unprocessable(rejected.violations());
    }
    if (failure instanceof NotFound notFound) {
      return problem(HttpStatus.NOT_FOUND, notFound.code(), notFound.getMessage(), null);
    }
    if (failure instanceof ConcurrentChange conflict) {
      return problem(HttpStatus.CONFLICT, "CONFLICT", conflict.getMessage(), null);
    }
    return failure;
  }

  /** A 400 {@code BAD_REQUEST} listing each missing or malformed member. */
  static ErrorResponseException badRequest(List<String> members) {
    List<Map<String, Object>> violations = new ArrayList<>();
    for (String member : members) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("code", "REQUIRED");
      v.put("field", member);
      v.put("message", member + " is required.");
      violations.add(v);
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "BAD_REQUEST",
        "The request is incomplete: " + String.join(", ", members) + ".",
        violations);
  }

  static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", detail, null);
  }

  private static ErrorResponseException unprocessable(List<Violation> violations) {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Violation violation : violations) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("code", violation.code());
      if (violation.field() != null) {
        v.put("field", violation.field());
      }
      v.put("message", violation.messageEn());
      v.put("messageNl", violation.messageNl());
      listed.add(v);
    }
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        violations.get(0).code(),
        violations.get(0).messageEn(),
        listed);
  }

  private static ErrorResponseException problem(
      HttpStatus status, String code, String detail, List<Map<String, Object>> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    if (violations != null) {
      problem.setProperty("violations", violations);
    }
    return new ErrorResponseException(status, problem, null);
  }
}
