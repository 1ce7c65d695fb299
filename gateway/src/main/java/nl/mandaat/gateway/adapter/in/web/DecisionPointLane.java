package nl.mandaat.gateway.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.mandaat.gateway.edge.ClientRateLimitFilter;
import nl.mandaat.support.BearerProblemHandlers;
import nl.mandaat.support.ProblemResponses;
import nl.mandaat.support.Problems;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The decision point's hot path: a POST with a bearer token to one of its four endpoints, written
 * exactly, is answered straight from Reactor Netty, ahead of Spring WebFlux, its security filter
 * chain and the gateway's routing. Everything else, including every other spelling of these paths,
 * goes on to Spring as before.
 *
 * <p>Why: an evaluation itself costs well under a microsecond, but the general web stack around it
 * (the security filter chain with its observations and firewall, the dispatcher, the gateway's
 * route lookup, Micrometer's request observation) cost about 0.15 ms of CPU per request, more than
 * a 2-core machine can spend at 10,000 evaluations a second (issue 6). The checks that matter are
 * the same ones, made by the same objects:
 *
 * <ul>
 *   <li>the token: the gateway's {@link ReactiveJwtDecoder} bean (signature by the issuer's keys,
 *       issuer, audience, expiry within the skew; verified tokens cached until they expire) and the
 *       suite's Keycloak converter (person and realm roles), failures answered as Spring Security's
 *       resource server answers them: 401 with the RFC 6750 challenge, or 503 {@code
 *       ISSUER_UNAVAILABLE};
 *   <li>the per-client rate limit: the edge's {@link ClientRateLimitFilter};
 *   <li>the question, the {@code pdp-client} rule and the answer: {@link DecisionPoint}, shared
 *       with {@link AuthzenController};
 *   <li>problems: service-support's {@link ProblemResponses#forError} rules and document shape.
 * </ul>
 *
 * A request matched here has a bearer token and an exact path, so path normalisation, sessions,
 * CSRF and the login redirect do not apply to it. Its body is bounded as WebFlux bounds a body read
 * into memory (256 KiB). Timings go to {@code mandaat.decision_point.requests} by endpoint and
 * status.
 */
final class DecisionPointLane implements NettyRouteProvider {

  /** As WebFlux's default {@code maxInMemorySize}: a batch of 1,000 questions fits. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  static final String METRIC = "mandaat.decision_point.requests";

  // As WebFlux writes a String answer for application/json.
  private static final String JSON_UTF8 = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

  private static final Set<String> ENDPOINTS =
      Set.of(
          DecisionPoint.EVALUATION,
          DecisionPoint.EVALUATIONS,
          DecisionPoint.SEARCH_SUBJECT,
          DecisionPoint.SEARCH_RESOURCE);

  private static final String BEARER_PREFIX = "bearer ";

  // What Spring Security's default header writer adds to every answer.
  private static final DefaultHttpHeaders SECURITY_HEADERS = new DefaultHttpHeaders();

  static {
    SECURITY_HEADERS.set(
        HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    SECURITY_HEADERS.set(HttpHeaderNames.PRAGMA, "no-cache");
    SECURITY_HEADERS.set(HttpHeaderNames.EXPIRES, "0");
    SECURITY_HEADERS.set("X-Content-Type-Options", "nosniff");
    SECURITY_HEADERS.set("X-Frame-Options", "DENY");
    SECURITY_HEADERS.set("X-XSS-Protection", "0");
    SECURITY_HEADERS.set("Referrer-Policy", "no-referrer");
  }

  /**
   * What the lane answers with: beans of the application context.
   *
   * @param rateLimit null when the per-client rate limit is switched off
   */
  record Parts(
      DecisionPoint point,
      ReactiveJwtDecoder tokens,
      Converter<Jwt, Mono<AbstractAuthenticationToken>> callers,
      ClientRateLimitFilter rateLimit,
      MeterRegistry meters) {
    Parts {
      Objects.requireNonNull(point, "point");
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(callers, "callers");
      Objects.requireNonNull(meters, "meters");
    }
  }

  private final Supplier<Parts> parts;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param parts resolved at the first request: the web server, and so its routes, is made before
   *     the application's beans, which the lane should not pull forward
   */
  DecisionPointLane(Supplier<Parts> parts) {
    this.parts = SingletonSupplier.of(Objects.requireNonNull(parts, "parts"));
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(DecisionPointLane::takes, this::answer);
  }

  /** A POST to an endpoint written exactly (no query, no other spelling) with a bearer token. */
  static boolean takes(HttpServerRequest request) {
    if (!HttpMethod.POST.equals(request.method()) || !ENDPOINTS.contains(request.uri())) {
      return false;
    }
    String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
  }

  private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
    long started = System.nanoTime();
    String path = request.uri();
    Mono<String> answer =
        Mono.defer(
            () -> {
              String token = token(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
              long length = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, 0);
              if (length > MAX_BODY_BYTES) {
                return Mono.error(tooLarge());
              }
              return caller(token)
                  .flatMap(
                      caller ->
                          body(request)
                              .flatMap(body -> parts.get().point().answer(path, body, caller)));
            });
    // Failures become problems before anything is sent: a failure while sending is not answered
    // a second time.
    return answer
        .map(json -> new Reply(HttpStatus.OK.value(), JSON_UTF8, HttpHeaders.EMPTY, utf8(json)))
        .onErrorResume(failure -> Mono.just(problem(failure, path)))
        .flatMap(reply -> send(response, reply, path, started));
  }

  /** What goes back: status, content type, extra headers and body. */
  private record Reply(int status, String contentType, HttpHeaders headers, byte[] body) {}

  private static Reply problem(Throwable failure, String path) {
    ProblemResponses.Problem problem =
        failure instanceof InvalidBearerTokenException invalid
            ? BearerProblemHandlers.unauthenticated(invalid)
            : ProblemResponses.forError(failure, HttpMethod.POST.name(), path);
    ProblemDetail detail = problem.detail();
    if (detail.getInstance() == null) {
      detail.setInstance(URI.create(path));
    }
    return new Reply(
        detail.getStatus(),
        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        problem.headers(),
        utf8(AuthzenJson.write(ProblemResponses.asDocument(detail))));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The authenticated caller; a token refused as Spring Security's resource server does. */
  private Mono<AbstractAuthenticationToken> caller(String token) {
    if (token == null) {
      return Mono.error(new InvalidBearerTokenException("Bearer token is malformed"));
    }
    Parts with = parts.get();
    return with.tokens()
        .decode(token)
        .onErrorMap(
            JwtException.class,
            failure ->
                failure instanceof BadJwtException
                    ? new InvalidBearerTokenException(failure.getMessage(), failure)
                    : new AuthenticationServiceException(failure.getMessage(), failure))
        .flatMap(with.callers()::convert)
        .flatMap(
            caller ->
                with.rateLimit() == null
                    ? Mono.just(caller)
                    : with.rateLimit()
                        .overLimit(caller)
                        .<Mono<AbstractAuthenticationToken>>map(Mono::error)
                        .orElseGet(() -> Mono.just(caller)));
  }

  /**
   * The token of {@code Bearer <token>}, or null when it is malformed: RFC 6750 section 2.1's
   * b64token ({@code [A-Za-z0-9-._~+/]+=*}), as Spring Security's bearer token converter reads it,
   * without its regular expression over a 1 KB header on every request.
   */
  static String token(String authorization) {
    int start = BEARER_PREFIX.length();
    int end = authorization.length();
    int i = start;
    while (i < end && isToken68(authorization.charAt(i))) {
      i++;
    }
    if (i == start) {
      return null;
    }
    while (i < end && authorization.charAt(i) == '=') {
      i++;
    }
    return i == end ? authorization.substring(start) : null;
  }

  private static boolean isToken68(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }

  /** The body as text, at most {@link #MAX_BODY_BYTES} whatever the framing; empty as "". */
  private static Mono<String> body(HttpServerRequest request) {
    return request
        .receive()
        .reduce(
            new byte[0],
            (read, chunk) -> {
              int more = chunk.readableBytes();
              if (read.length + more > MAX_BODY_BYTES) {
                throw tooLarge();
              }
              byte[] grown = Arrays.copyOf(read, read.length + more);
              chunk.readBytes(grown, read.length, more);
              return grown;
            })
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static ErrorResponseException tooLarge() {
    return Problems.of(
        HttpStatus.CONTENT_TOO_LARGE,
        "BODY_TOO_LARGE",
        "A request to the decision point may hold at most " + MAX_BODY_BYTES + " bytes.");
  }

  private Mono<Void> send(HttpServerResponse response, Reply reply, String path, long started) {
    response
        .status(reply.status())
        .headers(SECURITY_HEADERS)
        .header(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
    reply.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    return response
        .sendByteArray(Mono.just(reply.body()))
        .then()
        .doFinally(
            signal ->
                timer(path, reply.status())
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
  }

  private Timer timer(String path, int status) {
    return timers.computeIfAbsent(
        path + ' ' + status,
        key ->
            Timer.builder(METRIC)
                .description("Decision point requests answered by the lane")
                .tag("uri", path)
                .tag("status", Integer.toString(status))
                .register(parts.get().meters()));
  }
}
