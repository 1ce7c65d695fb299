package nl.mandaat.gateway.adapter.in.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.URI_TEMPLATE_VARIABLES_ATTRIBUTE;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.Question;
import nl.mandaat.core.RegisterSnapshot;
import nl.mandaat.gateway.adapter.in.RegisterUnavailable;
import nl.mandaat.gateway.application.DecideAccess;
import nl.mandaat.gateway.domain.RouteRequirement;
import nl.mandaat.gateway.domain.RouteRequirement.Extractor;
import nl.mandaat.support.KeycloakJwtAuthenticationConverter;
import nl.mandaat.support.Problems;
import nl.mandaat.support.events.PayloadJson;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonPointer;

/**
 * Enforces on every routed request what its route declares (ARCHITECTURE.md, "The gateway"): a
 * mandate, a realm role, a token, or nothing. A mandate is evaluated in process against the
 * register replica; a refused request never reaches the upstream.
 *
 * <p>Every enforced mandate answer carries the register revision it was decided at ({@value
 * #REVISION_HEADER}, on the response and on the forwarded request); a caller may demand one with
 * {@value #MIN_REVISION_HEADER}.
 */
public final class RequirementEnforcement implements GlobalFilter, Ordered {

  /** Before the route's own filters (circuit breakers, rate limits) and the forwarding. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

  /** The register revision an enforced answer was decided at. */
  public static final String REVISION_HEADER = "X-Register-Revision";

  /** The revision a caller demands the answer be decided at, or later. */
  public static final String MIN_REVISION_HEADER = "X-Min-Revision";

  private static final String TRACEPARENT = "traceparent";
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final RouteRequirements requirements;
  private final DecideAccess decide;
  private final Clock clock;
  private final Map<String, JsonPointer> pointers = new ConcurrentHashMap<>();

  public RequirementEnforcement(RouteRequirements requirements, DecideAccess decide, Clock clock) {
    this.requirements = Objects.requireNonNull(requirements, "requirements");
    this.decide = Objects.requireNonNull(decide, "decide");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    RouteRequirement requirement;
    try {
      requirement = requirements.of(Objects.requireNonNull(route, "no route"));
    } catch (RuntimeException e) {
      // Fail closed: a route without a valid declaration forwards nothing.
      return Mono.error(
          Problems.of(
              HttpStatus.FORBIDDEN,
              "ROUTE_WITHOUT_REQUIREMENT",
              "This route declares no requirement and forwards nothing."));
    }
    if (requirement instanceof RouteRequirement.Public) {
      return chain.filter(exchange);
    }
    return exchange
        .getPrincipal()
        .filter(p -> p instanceof Authentication a && a.isAuthenticated())
        .cast(Authentication.class)
        .switchIfEmpty(
            Mono.error(
                () ->
                    Problems.of(
                        HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A bearer token is required.")))
        .flatMap(
            caller -> {
              if (requirement instanceof RouteRequirement.Role role) {
                return KeycloakJwtAuthenticationConverter.hasRealmRole(caller, role.role())
                    ? chain.filter(exchange)
                    : Mono.error(
                        Problems.of(
                            HttpStatus.FORBIDDEN,
                            "FORBIDDEN",
                            "Realm role " + role.role() + " is required."));
              }
              if (requirement instanceof RouteRequirement.Mandate mandate) {
                return mandate(exchange, chain, route, mandate, caller);
              }
              return chain.filter(exchange);
            });
  }

  private Mono<Void> mandate(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      Route route,
      RouteRequirement.Mandate mandate,
      Authentication caller) {
    Long minRevision;
    try {
      minRevision = minRevision(exchange.getRequest());
    } catch (ErrorResponseException e) {
      return Mono.error(e);
    }
    return withBody(exchange, mandate)
        .flatMap(
            input ->
                decide
                    .register(minRevision)
                    .switchIfEmpty(Mono.error(() -> unavailable(minRevision)))
                    .flatMap(
                        register ->
                            decideAndForward(
                                input, chain, route, mandate, caller.getName(), register)));
  }

  private Mono<Void> decideAndForward(
      Input input,
      GatewayFilterChain chain,
      Route route,
      RouteRequirement.Mandate mandate,
      String person,
      RegisterSnapshot register) {
    ServerWebExchange exchange = input.exchange();
    String revision = Long.toString(register.revision());
    exchange.getResponse().getHeaders().set(REVISION_HEADER, revision);
    if (!register.register().persons().containsKey(person)) {
      return Mono.error(
          Problems.of(
              HttpStatus.FORBIDDEN,
              "UNKNOWN_PERSON",
              "'" + person + "' is not a person in the register; ask the register's beheer."));
    }
    Question.Builder q =
        Question.builder()
            .person(person)
            .action(mandate.action())
            .decisionType(mandate.decisionType())
            .at(clock.instant());
    String unit = null;
    BigDecimal amount = null;
    try {
      if (mandate.unit() != null) {
        unit = required(value(input, mandate.unit()), mandate.unit(), "unit");
        q.orgUnit(unit);
      }
      if (mandate.amount() != null) {
        amount = amount(required(value(input, mandate.amount()), mandate.amount(), "amount"));
        q.amount(amount);
      }
    } catch (ErrorResponseException e) {
      return Mono.error(e);
    }
    String askedUnit = unit;
    BigDecimal askedAmount = amount;
    Evaluation answer =
        decide.evaluate(
            register,
            q.build(),
            new DecideAccess.Asked(
                route.getId(),
                person,
                exchange.getRequest().getHeaders().getFirst(TRACEPARENT),
                null),
            // Built only for an answer that is recorded.
            () -> {
              Map<String, Object> asked = new LinkedHashMap<>();
              asked.put("route", route.getId());
              asked.put("path", exchange.getRequest().getPath().value());
              if (askedUnit != null) {
                asked.put("orgUnit", askedUnit);
              }
              if (askedAmount != null) {
                asked.put("amount", askedAmount);
              }
              return PayloadJson.write(asked);
            });
    if (!answer.permit()) {
      return Mono.error(denied(answer));
    }
    return chain.filter(input.forward(revision));
  }

  private static ErrorResponseException denied(Evaluation answer) {
    ErrorResponseException problem =
        Problems.of(HttpStatus.FORBIDDEN, answer.reason().name(), answer.reasonText().en());
    problem.getBody().setProperty("reason", answer.reason().name());
    problem.getBody().setProperty("reason_user", answer.reasonText());
    problem.getBody().setProperty("revision", answer.revision());
    answer.failedAt().ifPresent(f -> problem.getBody().setProperty("failedAt", f));
    answer.escalateTo().ifPresent(e -> problem.getBody().setProperty("escalateTo", e));
    return problem;
  }

  private ErrorResponseException unavailable(Long minRevision) {
    return RegisterUnavailable.problem(
        minRevision, "nothing is forwarded on a stale register", decide.retryAfter());
  }

  /** The exchange and, when a value comes from the body, the body read once (else null). */
  private record Input(ServerWebExchange exchange, byte[] body) {

    /** The request to forward: the revision it was checked at, and the body read here again. */
    ServerWebExchange forward(String revision) {
      ServerHttpRequest request =
          exchange.getRequest().mutate().header(REVISION_HEADER, revision).build();
      if (body != null) {
        byte[] bytes = body;
        request =
            new ServerHttpRequestDecorator(request) {
              @Override
              public Flux<DataBuffer> getBody() {
                return Flux.defer(
                    () -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
              }
            };
      }
      return exchange.mutate().request(request).build();
    }
  }

  private static Mono<Input> withBody(
      ServerWebExchange exchange, RouteRequirement.Mandate mandate) {
    boolean needsBody = isBody(mandate.amount()) || isBody(mandate.unit());
    if (!needsBody) {
      return Mono.just(new Input(exchange, null));
    }
    return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(
            DataBufferLimitException.class,
            e ->
                Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "BODY_TOO_LARGE",
                    "A body read for a mandate check may hold at most "
                        + MAX_BODY_BYTES
                        + " bytes."))
        .map(bytes -> new Input(exchange, bytes));
  }

  private static boolean isBody(Extractor extractor) {
    return extractor != null && extractor.source() == Extractor.Source.BODY;
  }

  private String value(Input input, Extractor extractor) {
    ServerHttpRequest request = input.exchange().getRequest();
    return switch (extractor.source()) {
      case PATH -> {
        Map<String, String> variables =
            input.exchange().getAttributeOrDefault(URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        yield variables.get(extractor.name());
      }
      case QUERY -> request.getQueryParams().getFirst(extractor.name());
      case HEADER -> request.getHeaders().getFirst(extractor.name());
      case BODY -> {
        if (input.body() == null || input.body().length == 0) {
          yield null;
        }
        try {
          yield BodyValue.at(
              input.body(),
              pointers.computeIfAbsent(extractor.name(), JsonPointer::compile),
              BodyValue.segments(extractor.name()));
        } catch (BodyValue.NotJson e) {
          throw Problems.of(
              HttpStatus.BAD_REQUEST,
              "INVALID_MANDATE_INPUT",
              "The body is not one JSON document without repeated names, and this route reads"
                  + " its mandate check from it.");
        }
      }
    };
  }

  // Fail closed: a declared input that is absent would otherwise ask an easier question.
  private static String required(String value, Extractor extractor, String what) {
    if (value == null || value.isBlank()) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "MISSING_MANDATE_INPUT",
          "This route checks a mandate for the "
              + what
              + " in "
              + extractor.source().name().toLowerCase(Locale.ROOT)
              + " '"
              + extractor.name()
              + "', which the request does not give.");
    }
    return value;
  }

  private static BigDecimal amount(String text) {
    try {
      BigDecimal amount = new BigDecimal(text.trim());
      if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
        throw new NumberFormatException();
      }
      return amount;
    } catch (NumberFormatException e) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "INVALID_MANDATE_INPUT",
          "The amount must be a number, zero or more, with at most two decimals.");
    }
  }

  private static Long minRevision(ServerHttpRequest request) {
    String value = request.getHeaders().getFirst(MIN_REVISION_HEADER);
    if (value == null) {
      return null;
    }
    try {
      long min = Long.parseLong(value.trim());
      if (min < 0) {
        throw new NumberFormatException();
      }
      return min;
    } catch (NumberFormatException e) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "INVALID_REQUEST",
          MIN_REVISION_HEADER + " must be a whole number, zero or more.");
    }
  }
}
