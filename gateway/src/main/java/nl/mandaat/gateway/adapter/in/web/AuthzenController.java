package nl.mandaat.gateway.adapter.in.web;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The decision point's endpoints through Spring WebFlux and its security chain: the metadata, and
 * every request {@link DecisionPointLane} leaves alone (a browser session, no token, a path that is
 * not written exactly, ...).
 */
@RestController
class AuthzenController {

  private final DecisionPoint point;

  AuthzenController(DecisionPoint point) {
    this.point = Objects.requireNonNull(point, "point");
  }

  @PostMapping(path = DecisionPoint.EVALUATION, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<String> evaluation(@RequestBody(required = false) String body, Authentication caller) {
    return point.evaluation(body, caller);
  }

  @PostMapping(path = DecisionPoint.EVALUATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<String> evaluations(@RequestBody(required = false) String body, Authentication caller) {
    return point.evaluations(body, caller);
  }

  @PostMapping(path = DecisionPoint.SEARCH_SUBJECT, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<String> searchSubject(@RequestBody(required = false) String body, Authentication caller) {
    return point.searchSubject(body, caller);
  }

  @PostMapping(path = DecisionPoint.SEARCH_RESOURCE, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<String> searchResource(@RequestBody(required = false) String body, Authentication caller) {
    return point.searchResource(body, caller);
  }

  /** AuthZEN 1.0 PDP metadata; public. */
  @GetMapping(path = DecisionPoint.CONFIGURATION, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> configuration(ServerHttpRequest request) {
    return DecisionPoint.configuration(
        request.getURI().getScheme() + "://" + request.getURI().getRawAuthority());
  }
}
