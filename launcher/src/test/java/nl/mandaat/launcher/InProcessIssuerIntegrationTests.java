package nl.mandaat.launcher;

import static nl.mandaat.launcher.HttpFixtures.get;
import static nl.mandaat.launcher.HttpFixtures.json;
import static nl.mandaat.launcher.HttpFixtures.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InProcessIssuerIntegrationTests {

  private static InProcessIssuer issuer;
  private static URI base;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    issuer = InProcessIssuer.start(RealmFixtures.realm(), port);
    base = issuer.issuer();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void theIssuerIsLocalhostOnItsPortLikeKeycloaks() {
    assertThat(base).hasToString("http://localhost:" + issuer.port() + "/realms/mandaat");
  }

  @Test
  void discoveryNamesTheIssuerAndItsEndpoints() throws Exception {
    HttpResponse<String> response = get(URI.create(base + "/.well-known/openid-configuration"));

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> document = json(response);
    assertThat(document.get("issuer")).isEqualTo(base.toString());
    assertThat(document.get("jwks_uri")).isEqualTo(base + "/protocol/openid-connect/certs");
    assertThat(document.get("token_endpoint")).isEqualTo(base + "/protocol/openid-connect/token");
    assertThat(document.get("authorization_endpoint"))
        .isEqualTo(base + "/protocol/openid-connect/auth");
    assertThat(document.get("code_challenge_methods_supported")).isEqualTo(List.of("S256"));
  }

  @Test
  void theJwksHoldsOnePublicRsaSigningKey() throws Exception {
    JWKSet keys = jwks();

    assertThat(keys.getKeys()).hasSize(1);
    assertThat(keys.getKeys().get(0)).isInstanceOf(RSAKey.class);
    assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
  }

  @Test
  void thePasswordGrantGivesAVerifiableTokenWithTheRealmClaims() throws Exception {
    String token = HttpFixtures.passwordToken(base, "tm-omgeving", "demo");

    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the token's kid is in the JWKS").isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(base.toString());
    assertThat(claims.getStringClaim("preferred_username")).isEqualTo("tm-omgeving");
    assertThat(claims.getSubject())
        .isEqualTo(RealmFixtures.realm().user("tm-omgeving").orElseThrow().id());
    assertThat(claims.getAudience()).contains("mandaat");
    assertThat(claims.getStringClaim("azp")).isEqualTo("mandaat-cli");
    assertThat(claims.getJSONObjectClaim("realm_access").get("roles"))
        .asList()
        .containsExactlyInAnyOrder("medewerker", "manager");
    assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
    assertThat(claims.getIssueTime().toInstant()).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void aWrongPasswordIsRefusedWith401() throws Exception {
    HttpResponse<String> response =
        postForm(
            token(),
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "mandaat-cli",
                "username",
                "tm-omgeving",
                "password",
                "x"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error")).isEqualTo("invalid_grant");
  }

  @Test
  void anUnknownUserIsRefusedWith401() throws Exception {
    HttpResponse<String> response =
        postForm(
            token(),
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "mandaat-cli",
                "username",
                "nobody",
                "password",
                "demo"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theGatewayClientMayNotUseThePasswordGrant() throws Exception {
    HttpResponse<String> response =
        postForm(
            token(),
            Map.of(
                "grant_type", "password",
                "client_id", "mandaat-gateway",
                "client_secret", "mandaat-gateway-demo-secret",
                "username", "tm-omgeving",
                "password", "demo"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error")).isEqualTo("unauthorized_client");
  }

  @Test
  void anInternalApplicationGetsAPdpClientTokenByClientCredentials() throws Exception {
    HttpResponse<String> response =
        postForm(
            token(),
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "mandaat-internal",
                "client_secret", "mandaat-internal-demo-secret"));

    assertThat(response.statusCode()).isEqualTo(200);
    JWTClaimsSet claims =
        SignedJWT.parse((String) json(response).get("access_token")).getJWTClaimsSet();
    assertThat(claims.getJSONObjectClaim("realm_access").get("roles"))
        .asList()
        .containsExactly("pdp-client");
    assertThat(claims.getAudience()).contains("mandaat");
  }

  @Test
  void aWrongClientSecretIsRefusedWith401() throws Exception {
    HttpResponse<String> response =
        postForm(
            token(),
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                "mandaat-internal",
                "client_secret",
                "guess"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error")).isEqualTo("invalid_client");
  }

  @Test
  void aBrowserLogsInWithTheAuthorizationCodeAndPkce() throws Exception {
    String verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789-abcdefghij";
    String redirect = "http://localhost:8080/login/oauth2/code/keycloak";
    HttpResponse<String> form =
        get(
            URI.create(
                base
                    + "/protocol/openid-connect/auth?response_type=code&client_id=mandaat-gateway&scope=openid"
                    + "&state=s1&nonce=n1&code_challenge_method=S256&code_challenge="
                    + InProcessIssuer.s256(verifier)
                    + "&redirect_uri="
                    + java.net.URLEncoder.encode(
                        redirect, java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"password\"");

    Map<String, String> login = new java.util.LinkedHashMap<>(hiddenFields(form.body()));
    login.put("username", "ah-vergunningen");
    login.put("password", "demo");
    HttpResponse<String> redirected =
        postForm(URI.create(base + "/protocol/openid-connect/auth"), login);
    assertThat(redirected.statusCode()).isEqualTo(302);
    URI location = URI.create(redirected.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(redirect + "?code=").contains("state=s1");
    String code = InProcessIssuer.form(location.getRawQuery()).get("code");

    HttpResponse<String> wrongVerifier =
        postForm(
            token(),
            codeExchange(code, redirect, "another-verifier-another-verifier-another-verifier"));
    assertThat(wrongVerifier.statusCode()).isEqualTo(400);

    // The code was spent on the failed attempt, as Keycloak does; log in again.
    redirected = postForm(URI.create(base + "/protocol/openid-connect/auth"), login);
    code =
        InProcessIssuer.form(
                URI.create(redirected.headers().firstValue("Location").orElseThrow()).getRawQuery())
            .get("code");
    HttpResponse<String> tokens = postForm(token(), codeExchange(code, redirect, verifier));
    assertThat(tokens.statusCode()).isEqualTo(200);
    Map<String, Object> body = json(tokens);
    JWTClaimsSet id = SignedJWT.parse((String) body.get("id_token")).getJWTClaimsSet();
    assertThat(id.getAudience()).containsExactly("mandaat-gateway");
    assertThat(id.getStringClaim("nonce")).isEqualTo("n1");
    JWTClaimsSet access = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
    assertThat(access.getStringClaim("preferred_username")).isEqualTo("ah-vergunningen");

    HttpResponse<String> userinfo =
        HttpFixtures.get(
            URI.create(base + "/protocol/openid-connect/userinfo"),
            (String) body.get("access_token"));
    assertThat(userinfo.statusCode()).isEqualTo(200);
    assertThat(json(userinfo).get("preferred_username")).isEqualTo("ah-vergunningen");
  }

  @Test
  void aForeignRedirectIsNeverFollowed() throws Exception {
    HttpResponse<String> response =
        get(
            URI.create(
                base
                    + "/protocol/openid-connect/auth?response_type=code&client_id=mandaat-gateway"
                    + "&redirect_uri=http%3A%2F%2Fevil.example%2F"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  private static Map<String, String> codeExchange(String code, String redirect, String verifier) {
    return Map.of(
        "grant_type",
        "authorization_code",
        "client_id",
        "mandaat-gateway",
        "client_secret",
        "mandaat-gateway-demo-secret",
        "code",
        code,
        "redirect_uri",
        redirect,
        "code_verifier",
        verifier);
  }

  private static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    Matcher matcher =
        Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
    while (matcher.find()) {
      fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&").replace("&quot;", "\""));
    }
    return fields;
  }

  private static URI token() {
    return URI.create(base + "/protocol/openid-connect/token");
  }

  private static JWKSet jwks() throws Exception {
    HttpResponse<String> response = get(URI.create(base + "/protocol/openid-connect/certs"));
    assertThat(response.statusCode()).isEqualTo(200);
    return JWKSet.parse(response.body());
  }
}
