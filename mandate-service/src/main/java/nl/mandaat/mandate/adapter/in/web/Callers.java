package nl.mandaat.mandate.adapter.in.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.Actor;
import nl.mandaat.mandate.application.ChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;

/** What the web layer reads from a caller: who, with which roles, at which moment. */
final class Callers {

  static final String REGISTER_ADMINISTRATOR = "ROLE_register-beheer";
  static final String PDP_CLIENT = "ROLE_pdp-client";

  private Callers() {}

  static boolean hasRole(Principal principal, String role) {
    return principal instanceof Authentication auth
        && auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(role::equals);
  }

  /** The token's person as the register's actor; an administrator when the role says so. */
  static Actor actor(Principal principal) {
    return new Actor(principal.getName(), hasRole(principal, REGISTER_ADMINISTRATOR));
  }

  static void requireInternal(Principal principal) {
    if (!hasRole(principal, REGISTER_ADMINISTRATOR) && !hasRole(principal, PDP_CLIENT)) {
      throw problem(
          HttpStatus.FORBIDDEN, "FORBIDDEN", "Role register-beheer or pdp-client is required.");
    }
  }

  /**
   * The moment {@code at} names: now when absent, an RFC 3339 instant as given, a date as the end
   * of that day in the register's zone (what was in force on that day, as then recorded).
   */
  static Instant moment(String at, Clock clock, ZoneId zone) {
    if (at == null || at.isBlank()) {
      return clock.instant();
    }
    try {
      if (at.contains("T")) {
        return Instant.parse(at);
      }
      return LocalDate.parse(at).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
    } catch (DateTimeParseException e) {
      throw problem(
          HttpStatus.BAD_REQUEST, "INVALID_MOMENT", "at is a date or an RFC 3339 moment.");
    }
  }

  static ErrorResponseException problem(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    return new ErrorResponseException(status, problem, null);
  }

  /** A refused change as 422 with the first violation's code and every violation. */
  static ErrorResponseException refused(ChangeRefused refused) {
    List<Map<String, Object>> violations =
        refused.verdict().violations().stream()
            .map(
                v -> {
                  Map<String, Object> m = new java.util.LinkedHashMap<>();
                  m.put("code", v.code());
                  m.put("nl", v.messageNl());
                  m.put("en", v.messageEn());
                  if (v.field() != null) {
                    m.put("field", v.field());
                  }
                  return m;
                })
            .toList();
    HttpStatusCode status =
        refused.code().equals("UNKNOWN_GRANT") && violations.size() == 1
            ? HttpStatus.NOT_FOUND
            : HttpStatusCode.valueOf(422);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, refused.verdict().violations().get(0).messageEn());
    problem.setProperty("code", refused.code());
    problem.setProperty("violations", violations);
    return new ErrorResponseException(status, problem, refused);
  }
}
