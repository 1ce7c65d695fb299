package nl.mandaat.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.mandaat.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class IssuerKeysTests {

  private static final URI JWKS = URI.create("http://issuer.test/certs");

  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final IssuerKeys keys =
      new IssuerKeys(
          JWKS,
          WebClient.builder()
              .exchangeFunction(
                  request -> {
                    fetches.incrementAndGet();
                    JWKSet set = published.get();
                    return Mono.just(
                        set == null
                            ? ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).build()
                            : ClientResponse.create(HttpStatus.OK)
                                .header("Content-Type", "application/json")
                                .body(set.toString(true))
                                .build());
                  })
              .build(),
          clock);

  @Test
  void theFirstTokenFetchesTheKeysAndLaterOnesUseThem() throws Exception {
    RSAKey key = key("k1");
    published.set(new JWKSet(key.toPublicJWK()));

    keys.keysFor(signedBy("k1"))
        .map(JWK::getKeyID)
        .as(StepVerifier::create)
        .expectNext("k1")
        .verifyComplete();
    keys.keysFor(signedBy("k1"))
        .map(JWK::getKeyID)
        .as(StepVerifier::create)
        .expectNext("k1")
        .verifyComplete();

    assertThat(fetches).hasValue(1);
    assertThat(keys.loaded()).isTrue();
  }

  @Test
  void aRotatedKeyIsFetchedButNotMoreOftenThanTheMinimumInterval() throws Exception {
    published.set(new JWKSet(key("k1").toPublicJWK()));
    keys.keysFor(signedBy("k1")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    published.set(new JWKSet(key("k2").toPublicJWK()));

    // Within the interval an unknown key id finds nothing and asks nobody.
    keys.keysFor(signedBy("k2")).as(StepVerifier::create).verifyComplete();
    assertThat(fetches).hasValue(1);

    clock.advance(IssuerKeys.MIN_REFETCH_INTERVAL.plusSeconds(1));
    keys.keysFor(signedBy("k2"))
        .map(JWK::getKeyID)
        .as(StepVerifier::create)
        .expectNext("k2")
        .verifyComplete();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void withoutKeysAndWithoutTheIssuerATokenFailsRatherThanPasses() throws Exception {
    keys.keysFor(signedBy("k1")).as(StepVerifier::create).verifyError();

    assertThat(keys.loaded()).isFalse();
  }

  @Test
  void theWarmUpLoadsTheKeysBeforeTheFirstToken() throws Exception {
    published.set(new JWKSet(key("k1").toPublicJWK()));

    keys.warmUp(Duration.ofSeconds(5));

    assertThat(keys.loaded()).isTrue();
    assertThat(fetches).hasValue(1);
  }

  private static RSAKey key(String id) throws Exception {
    return new RSAKeyGenerator(2048).keyID(id).algorithm(JWSAlgorithm.RS256).generate();
  }

  private static SignedJWT signedBy(String keyId) {
    return new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder().subject("tm-omgeving").build());
  }
}
