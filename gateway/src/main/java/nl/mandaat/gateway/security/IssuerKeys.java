package nl.mandaat.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The issuer's signing keys (its JWK set), fetched once at start-up and kept.
 *
 * <p>{@link #warmUp()} fetches them in the background, retrying with backoff until the issuer
 * answers, so the gateway starts before Keycloak does and is ready once the keys are here ({@link
 * #loaded()}). A token whose key is not in the set fetches the set again, at most once per {@link
 * #MIN_REFETCH_INTERVAL} (key rotation). When the keys cannot be fetched, {@link #keysFor} fails: a
 * token is never passed unchecked. Thread-safe.
 */
public final class IssuerKeys {

  /** A token with an unknown key id fetches the set again at most this often. */
  public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration MAX_RETRY = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

  private record Loaded(JWKSet keys, Instant at) {}

  private final URI jwkSetUri;
  private final WebClient web;
  private final Clock clock;
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
  private volatile Disposable warmUp;

  public IssuerKeys(URI jwkSetUri, WebClient web, Clock clock) {
    this.jwkSetUri = jwkSetUri;
    this.web = web;
    this.clock = clock;
  }

  /** Where the keys come from. */
  public URI jwkSetUri() {
    return jwkSetUri;
  }

  /** Whether the keys have been fetched at least once. */
  public boolean loaded() {
    return loaded.get() != null;
  }

  /**
   * Fetches the keys, waiting at most {@code firstAttempt} for the first try; when that fails,
   * keeps trying in the background until the issuer answers. Idempotent.
   */
  public synchronized void warmUp(Duration firstAttempt) {
    if (warmUp != null || loaded()) {
      return;
    }
    try {
      fetch().block(firstAttempt);
      log.info("Issuer keys loaded from {}", jwkSetUri);
      return;
    } catch (RuntimeException e) {
      log.info("Issuer keys at {} not available yet ({}); retrying", jwkSetUri, e.toString());
    }
    warmUp =
        // Deferred: every retry asks again instead of replaying the failed request.
        Mono.defer(this::fetch)
            .doOnError(
                e -> log.info("Issuer keys at {} not available yet: {}", jwkSetUri, e.toString()))
            .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(MAX_RETRY))
            .subscribe(
                keys -> log.info("Issuer keys loaded from {} ({} keys)", jwkSetUri, keys.size()),
                e -> log.warn("Issuer keys warm-up ended: {}", e.toString()));
  }

  /** Stops a warm-up still retrying. */
  public synchronized void stop() {
    if (warmUp != null) {
      warmUp.dispose();
    }
  }

  /**
   * The keys that may have signed {@code jwt}: from the loaded set, or after fetching it when it is
   * not loaded yet or holds no key for the token's header. Fails when the issuer cannot be reached
   * and no key is known.
   */
  public Flux<JWK> keysFor(SignedJWT jwt) {
    JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
    Loaded current = loaded.get();
    if (current != null) {
      List<JWK> matching = selector.select(current.keys());
      if (!matching.isEmpty() || current.at().plus(MIN_REFETCH_INTERVAL).isAfter(clock.instant())) {
        return Flux.fromIterable(matching);
      }
    }
    return fetch().flatMapIterable(selector::select);
  }

  /** Fetches the set, sharing one request among concurrent callers. */
  Mono<JWKSet> fetch() {
    while (true) {
      Mono<JWKSet> running = inFlight.get();
      if (running != null) {
        return running;
      }
      Mono<JWKSet> request =
          web.get()
              .uri(jwkSetUri)
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .bodyToMono(String.class)
              .map(IssuerKeys::parse)
              .doOnNext(keys -> loaded.set(new Loaded(keys, clock.instant())))
              .doFinally(signal -> inFlight.set(null))
              .cache();
      if (inFlight.compareAndSet(null, request)) {
        return request;
      }
    }
  }

  private static JWKSet parse(String body) {
    try {
      return JWKSet.parse(body);
    } catch (ParseException e) {
      throw new IllegalStateException("The issuer's JWK set is not valid: " + e.getMessage(), e);
    }
  }
}
