package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTests {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(5);

  private final AtomicInteger verifications = new AtomicInteger();
  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  /** Verifies like the real chain would: expired past the skew is refused. */
  private final ReactiveJwtDecoder verifier =
      token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
          return Mono.error(new BadJwtException("signature"));
        }
        Instant expires = token.equals("no-exp") ? null : NOW.plusSeconds(60);
        if (expires != null && now.isAfter(expires.plus(SKEW))) {
          return Mono.error(new BadJwtException("expired"));
        }
        Jwt.Builder jwt =
            Jwt.withTokenValue(token).header("alg", "RS256").subject("tm-omgeving").issuedAt(NOW);
        return Mono.just(expires == null ? jwt.build() : jwt.expiresAt(expires).build());
      };

  private final VerifiedTokens tokens = new VerifiedTokens(verifier, SKEW, clock, 100);

  @Test
  void aTokenPresentedAgainIsVerifiedOnce() {
    StepVerifier.create(tokens.decode("t1")).expectNextCount(1).verifyComplete();
    StepVerifier.create(tokens.decode("t1")).expectNextCount(1).verifyComplete();
    StepVerifier.create(tokens.decode("t2")).expectNextCount(1).verifyComplete();

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsAnsweredUpToItsExpiryPlusTheSkewAndVerifiedAgainAfter() {
    StepVerifier.create(tokens.decode("t1")).expectNextCount(1).verifyComplete();

    now = NOW.plusSeconds(64);
    StepVerifier.create(tokens.decode("t1")).expectNextCount(1).verifyComplete();
    assertThat(verifications).hasValue(1);

    now = NOW.plusSeconds(65).plusNanos(1);
    StepVerifier.create(tokens.decode("t1")).expectError(BadJwtException.class).verify();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRefusedTokenIsNeverRemembered() {
    StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();
    StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenWithoutExpiryIsVerifiedEveryTime() {
    StepVerifier.create(tokens.decode("no-exp")).expectNextCount(1).verifyComplete();
    StepVerifier.create(tokens.decode("no-exp")).expectNextCount(1).verifyComplete();

    assertThat(verifications).hasValue(2);
  }
}
