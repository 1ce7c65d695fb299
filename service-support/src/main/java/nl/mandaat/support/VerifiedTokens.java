package nl.mandaat.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token decoder that remembers each token it has verified until that token expires, so a client
 * presenting the same bearer token on every request pays for the signature check once.
 *
 * <p>Safe because a verified token cannot change: its signature, issuer and audience were checked
 * on the exact text that is the key; only time can make it invalid, and a remembered token is
 * answered only while {@code now <= exp + clockSkew}, as the timestamp validator would. A token
 * without {@code exp} is never remembered. Thread-safe.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

  /** How many verified tokens a service remembers by default. */
  public static final long DEFAULT_CAPACITY = 10_000;

  private final ReactiveJwtDecoder verifier;
  private final Duration clockSkew;
  private final Clock clock;
  private final Cache<String, Jwt> verified;

  /**
   * @param verifier checks signature and claims of a token not seen before
   * @param clockSkew the same skew the verifier allows on {@code exp}
   * @param maxTokens how many verified tokens are remembered at most
   */
  public VerifiedTokens(
      ReactiveJwtDecoder verifier, Duration clockSkew, Clock clock, long maxTokens) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .expireAfter(
                Expiry.<String, Jwt>creating((token, jwt) -> remaining(jwt, clock.instant())))
            .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.getIfPresent(token);
    if (known != null && remaining(known, clock.instant()).compareTo(Duration.ZERO) > 0) {
      return Mono.just(known);
    }
    return verifier
        .decode(token)
        .doOnNext(
            jwt -> {
              if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
              }
            });
  }

  private Duration remaining(Jwt jwt, Instant now) {
    Instant expires = jwt.getExpiresAt();
    if (expires == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, expires.plus(clockSkew));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
