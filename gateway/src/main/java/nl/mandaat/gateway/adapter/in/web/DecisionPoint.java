package nl.mandaat.gateway.adapter.in.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.Question;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.gateway.adapter.in.RegisterUnavailable;
import nl.mandaat.gateway.application.DecideAccess;
import nl.mandaat.gateway.application.DecideAccess.Asked;
import nl.mandaat.support.KeycloakJwtAuthenticationConverter;
import nl.mandaat.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * The decision point of API.md (AuthZEN Authorization API 1.0, NL-gov profile), answered in process
 * from the register replica: a request body and an authenticated caller in, the answer's JSON or a
 * problem ({@link org.springframework.web.ErrorResponseException}) out. Any authenticated user may
 * ask; a client (a Keycloak service account) needs realm role {@code pdp-client}. Served both by
 * {@link DecisionPointLane} (bearer tokens, straight from Reactor Netty) and by {@link
 * AuthzenController} (everything else, such as the console's session). Thread-safe.
 */
final class DecisionPoint {

  static final String EVALUATION = "/access/v1/evaluation";
  static final String EVALUATIONS = "/access/v1/evaluations";
  static final String SEARCH_SUBJECT = "/access/v1/search/subject";
  static final String SEARCH_RESOURCE = "/access/v1/search/resource";
  static final String CONFIGURATION = "/.well-known/authzen-configuration";

  private static final String SOURCE = "authzen";
  private static final String SERVICE_ACCOUNT = "service-account-";
  private static final String PDP_CLIENT = "pdp-client";

  private final DecideAccess decide;
  private final Clock clock;

  DecisionPoint(DecideAccess decide, Clock clock) {
    this.decide = Objects.requireNonNull(decide, "decide");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Mono<String> evaluation(String body, Authentication caller) {
    return answered(
        caller,
        () -> AuthzenJson.evaluation(AuthzenJson.read(body), clock.instant()),
        AuthzenJson.Asked::minRevision,
        (asked, register) -> AuthzenAnswers.of(evaluate(register, asked, caller)));
  }

  Mono<String> evaluations(String body, Authentication caller) {
    // One register for the whole batch, at the highest revision asked: every answer carries it.
    return answered(
        caller,
        () -> AuthzenJson.batch(AuthzenJson.read(body), clock.instant()),
        batch ->
            batch.evaluations().stream()
                .map(AuthzenJson.Asked::minRevision)
                .filter(Objects::nonNull)
                .max(Long::compare)
                .orElse(null),
        (batch, register) -> {
          List<AuthzenAnswers.Decision> answers = new ArrayList<>();
          for (AuthzenJson.Asked a : batch.evaluations()) {
            Evaluation e = evaluate(register, a, caller);
            answers.add(AuthzenAnswers.of(e));
            if (stops(batch.semantic(), e.permit())) {
              break;
            }
          }
          return Map.of("evaluations", answers);
        });
  }

  Mono<String> searchSubject(String body, Authentication caller) {
    return answered(
        caller,
        () -> AuthzenJson.subjectSearch(AuthzenJson.read(body), clock.instant()),
        AuthzenJson.Search::minRevision,
        (search, register) ->
            AuthzenJson.results(
                AuthzenAnswers.subjects(
                    search.subjectType(),
                    register.whoMayDecide(
                        search.decisionType(), search.orgUnit(), search.amount(), search.at()))));
  }

  Mono<String> searchResource(String body, Authentication caller) {
    return answered(
        caller,
        () -> AuthzenJson.resourceSearch(AuthzenJson.read(body), clock.instant()),
        AuthzenJson.Search::minRevision,
        (search, register) ->
            AuthzenJson.results(
                AuthzenAnswers.resources(register.whatMayDecide(search.subject(), search.at()))));
  }

  /**
   * Every endpoint's course: the caller allowed and the request read, the register at the revision
   * it asks for (or none: 503), the answer written as JSON.
   */
  private <T> Mono<String> answered(
      Authentication caller,
      Callable<T> parse,
      Function<T, Long> minRevision,
      BiFunction<T, RegisterSnapshot, Object> answer) {
    return parsed(caller, parse)
        .flatMap(
            request ->
                register(minRevision.apply(request))
                    .map(register -> AuthzenJson.write(answer.apply(request, register))));
  }

  /**
   * The answer to a POST of {@code body} to {@code path}, one of the four endpoints.
   *
   * @throws IllegalArgumentException for any other path
   */
  Mono<String> answer(String path, String body, Authentication caller) {
    return switch (path) {
      case EVALUATION -> evaluation(body, caller);
      case EVALUATIONS -> evaluations(body, caller);
      case SEARCH_SUBJECT -> searchSubject(body, caller);
      case SEARCH_RESOURCE -> searchResource(body, caller);
      default -> throw new IllegalArgumentException("not a decision point endpoint: " + path);
    };
  }

  /** AuthZEN 1.0 PDP metadata for the decision point at {@code base} ({@code scheme://host}). */
  static Map<String, String> configuration(String base) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("policy_decision_point", base);
    metadata.put("access_evaluation_endpoint", base + EVALUATION);
    metadata.put("access_evaluations_endpoint", base + EVALUATIONS);
    metadata.put("search_subject_endpoint", base + SEARCH_SUBJECT);
    metadata.put("search_resource_endpoint", base + SEARCH_RESOURCE);
    return metadata;
  }

  private Evaluation evaluate(
      RegisterSnapshot register, AuthzenJson.Asked asked, Authentication caller) {
    // "Now" is when the answer is decided, not when the request was read: a revocation in the
    // register the answer comes from is never earlier than the moment asked about.
    Question question =
        asked.timeGiven()
            ? asked.question()
            : asked.question().toBuilder().at(clock.instant()).build();
    return decide.evaluate(
        register,
        question,
        new Asked(SOURCE, caller.getName(), asked.traceparent(), asked.processingActivity()),
        () -> AuthzenJson.write(asked.source()));
  }

  private Mono<RegisterSnapshot> register(Long minRevision) {
    return decide
        .register(minRevision)
        .switchIfEmpty(
            Mono.error(
                () ->
                    RegisterUnavailable.problem(
                        minRevision,
                        "no answer is given from a stale register",
                        decide.retryAfter())));
  }

  private static <T> Mono<T> parsed(Authentication caller, Callable<T> parse) {
    if (caller.getName().startsWith(SERVICE_ACCOUNT)
        && !KeycloakJwtAuthenticationConverter.hasRealmRole(caller, PDP_CLIENT)) {
      return Mono.error(
          Problems.of(
              HttpStatus.FORBIDDEN,
              "PDP_CLIENT_REQUIRED",
              "A client asking the decision point needs realm role pdp-client."));
    }
    return Mono.fromCallable(parse)
        .onErrorMap(
            AuthzenJson.BadRequest.class,
            e -> Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage()));
  }

  private static boolean stops(String semantic, boolean permit) {
    return switch (semantic) {
      case "deny_on_first_deny" -> !permit;
      case "permit_on_first_permit" -> permit;
      default -> false;
    };
  }
}
