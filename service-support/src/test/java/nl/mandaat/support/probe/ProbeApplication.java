package nl.mandaat.support.probe;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service that uses service-support the way every mandaat service does. */
@SpringBootApplication
public class ProbeApplication {

  @RestController
  static class ProbeController {

    @GetMapping("/api/v1/probe/me")
    Mono<Map<String, Object>> me(Authentication authentication) {
      return Mono.just(
          Map.of(
              "name",
              authentication.getName(),
              "authorities",
              authentication.getAuthorities().stream()
                  .map(GrantedAuthority::getAuthority)
                  .toList()));
    }

    @GetMapping("/api/v1/probe/refusal")
    Mono<Void> refusal() {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Above the ceiling.");
      problem.setProperty("code", "EXCEEDS_PARENT_CEILING");
      return Mono.error(
          new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null));
    }

    @GetMapping("/api/v1/probe/failure")
    Mono<Void> failure() {
      return Mono.error(new IllegalStateException("secret internals"));
    }
  }
}
