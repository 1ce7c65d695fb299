package nl.mandaat.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints RS256 tokens in the shape Keycloak gives them for realm {@code mandaat}: {@code iss},
 * {@code sub} (the user's id), {@code preferred_username}, {@code realm_access.roles}, {@code aud}
 * from the client's audience mapper, {@code azp}, {@code exp}/{@code iat}. Thread-safe.
 */
public final class AccessTokens {

  private final Realm realm;
  private final URI issuer;
  private final RSAKey key;
  private final Clock clock;

  public AccessTokens(Realm realm, URI issuer, Clock clock) {
    this(realm, issuer, generateKey(), clock);
  }

  AccessTokens(Realm realm, URI issuer, RSAKey key, Clock clock) {
    this.realm = realm;
    this.issuer = issuer;
    this.key = key;
    this.clock = clock;
  }

  /** The public half of the signing key, as served at {@code /protocol/openid-connect/certs}. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  public URI issuer() {
    return issuer;
  }

  /** The claims of an access token for {@code user}, obtained through {@code client}. */
  public JWTClaimsSet accessClaims(
      Realm.User user, Realm.Client client, String scope, Optional<String> sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(now.plusSeconds(realm.accessTokenLifespanSeconds())))
            .issueTime(Date.from(now))
            .jwtID(UUID.randomUUID().toString())
            .issuer(issuer.toString())
            .subject(user.id())
            .claim("typ", "Bearer")
            .claim("azp", client.clientId())
            .claim("acr", "1")
            .claim("realm_access", Map.of("roles", user.realmRoles()))
            .claim("scope", scope)
            .claim("preferred_username", user.username())
            .claim("email_verified", user.emailVerified());
    List<String> audiences = client.audiences();
    if (audiences.size() == 1) {
      claims.audience(audiences.get(0));
    } else if (!audiences.isEmpty()) {
      claims.audience(audiences);
    }
    sessionId.ifPresent(sid -> claims.claim("sid", sid));
    if (user.serviceAccountClientId().isEmpty()) {
      user.fullName().ifPresent(name -> claims.claim("name", name));
      user.firstName().ifPresent(name -> claims.claim("given_name", name));
      user.lastName().ifPresent(name -> claims.claim("family_name", name));
      user.email().ifPresent(email -> claims.claim("email", email));
    }
    return claims.build();
  }

  /** The claims of an ID token for a browser login. */
  public JWTClaimsSet idClaims(
      Realm.User user, Realm.Client client, Optional<String> nonce, String sessionId) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(now.plusSeconds(realm.accessTokenLifespanSeconds())))
            .issueTime(Date.from(now))
            .claim("auth_time", now.getEpochSecond())
            .jwtID(UUID.randomUUID().toString())
            .issuer(issuer.toString())
            .audience(client.clientId())
            .subject(user.id())
            .claim("typ", "ID")
            .claim("azp", client.clientId())
            .claim("sid", sessionId)
            .claim("acr", "1")
            .claim("preferred_username", user.username())
            .claim("email_verified", user.emailVerified());
    nonce.ifPresent(n -> claims.claim("nonce", n));
    user.fullName().ifPresent(name -> claims.claim("name", name));
    user.firstName().ifPresent(name -> claims.claim("given_name", name));
    user.lastName().ifPresent(name -> claims.claim("family_name", name));
    user.email().ifPresent(email -> claims.claim("email", email));
    return claims.build();
  }

  /** Signs the claims with RS256 under the key's id. */
  public String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(key.getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /** The claims of a token this issuer signed and that has not expired; empty otherwise. */
  public Optional<JWTClaimsSet> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (claims.getExpirationTime() == null
          || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyID(UUID.randomUUID().toString())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }
}
