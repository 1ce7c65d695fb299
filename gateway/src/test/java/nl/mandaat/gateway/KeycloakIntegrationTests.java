package nl.mandaat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mandaat.testsupport.TestDatabase;
import nl.mandaat.testsupport.TestIssuer;
import nl.mandaat.testsupport.TestKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against the real Keycloak (realm {@code mandaat}, started once per test JVM): which
 * bearer tokens pass, and the browser login with PKCE whose session token is relayed upstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureWebTestClient
class KeycloakIntegrationTests {

  private static final Upstreams UPSTREAMS = new Upstreams();

  /** Small, so an expired token is seen as expired a moment after it expires. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry registry) {
    TestDatabase.registerProperties(registry);
    TestKeycloak.registerProperties(registry);
    registry.add("server.port", () -> TestKeycloak.instance().gatewayPort());
    registry.add("mandaat.security.clock-skew", () -> CLOCK_SKEW.toSeconds() + "s");
    for (String name : Upstreams.NAMES) {
      registry.add("mandaat.routes." + name + "-uri", () -> UPSTREAMS.uri(name));
    }
  }

  /** A second gateway on the same database and Keycloak, on a port of its own. */
  private static ConfigurableApplicationContext anotherReplica() {
    Map<String, Object> properties = new LinkedHashMap<>();
    environment((name, value) -> properties.put(name, value.get()));
    properties.put("server.port", 0);
    return new SpringApplicationBuilder(GatewayApplication.class)
        // Reactor Netty resources of its own: closing a context that uses the global ones
        // disposes them under this test class's gateway too.
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean(
                        "reactorResourceFactory",
                        ReactorResourceFactory.class,
                        () -> {
                          ReactorResourceFactory resources = new ReactorResourceFactory();
                          resources.setUseGlobalResources(false);
                          return resources;
                        }))
        .run(
            properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
  }

  @AfterAll
  static void stopUpstreams() {
    UPSTREAMS.stop();
  }

  @Autowired WebTestClient web;

  private final TestKeycloak keycloak = TestKeycloak.instance();

  @BeforeEach
  void allowForASlowMachine() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void aPersonsTokenIsAcceptedAndRelayedAsItIs() {
    String token = keycloak.passwordToken("tm-omgeving");

    web.get()
        .uri("/api/v1/org/units?kc=valid")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.authorization")
        .isEqualTo("Bearer " + token);

    // Accepted by the decision point's lane too: an empty question is then a bad request.
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void anInternalApplicationsClientCredentialsTokenIsAccepted() {
    String token =
        keycloak.clientCredentialsToken("mandaat-internal", "mandaat-internal-demo-secret");

    web.get()
        .uri("/api/v1/org/units?kc=client-credentials")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void anExpiredTokenIsRefused() throws InterruptedException {
    String token = keycloak.passwordToken(TestKeycloak.SHORT_LIVED_CLIENT, "tm-omgeving", "demo");
    // Valid while it lives: the refusal below is the expiry, nothing else.
    web.get()
        .uri("/api/v1/org/units?kc=before-expiry")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();

    Thread.sleep(
        Duration.ofSeconds(TestKeycloak.SHORT_LIFESPAN_SECONDS)
            .plus(CLOCK_SKEW)
            .plusSeconds(1)
            .toMillis());

    assertRefused(token, "expired");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertRefused(TestIssuer.token("tm-omgeving", "medewerker"), "other-issuer");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    assertRefused(
        keycloak.passwordToken(TestKeycloak.OTHER_AUDIENCE_CLIENT, "tm-omgeving", "demo"),
        "other-audience");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String[] parts = keycloak.passwordToken("tm-omgeving").split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    assertRefused(none + "." + parts[1] + ".", "alg-none");
  }

  @Test
  void aTokenWithAlteredClaimsIsRefused() {
    String[] parts = keycloak.passwordToken("tm-omgeving").split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"tm-omgeving\"", "\"burgemeester\"");
    String altered =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8));

    assertRefused(parts[0] + "." + altered + "." + parts[2], "altered-claims");
  }

  @Test
  void aTokenWithATamperedSignatureIsRefused() {
    String[] parts = keycloak.passwordToken("tm-omgeving").split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[signature.length / 2] ^= 0x01;
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

    assertRefused(parts[0] + "." + parts[1] + "." + tampered, "tampered-signature");
  }

  private void assertRefused(String token, String marker) {
    web.get()
        .uri("/api/v1/org/units?kc=" + marker)
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(UPSTREAMS.received()).noneMatch(uri -> uri.endsWith("kc=" + marker));

    // The decision point's Reactor Netty lane checks the token with the same decoder.
    web.post()
        .uri("/access/v1/evaluation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aBrowserPageWithoutASessionIsSentToTheLoginButAnApiCallGetsA401() {
    web.get()
        .uri("/my-mandates")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .valueEquals(HttpHeaders.LOCATION, "/oauth2/authorization/keycloak");
    web.get()
        .uri("/api/v1/org/units?kc=html-api")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Test
  void aBrowserLogsInWithPkceAndItsSessionTokenIsRelayedUpstream() {
    String gateway = "http://localhost:" + keycloak.gatewayPort();
    Browser browser = new Browser();

    HttpResponse<String> start =
        browser.get(URI.create(gateway + "/oauth2/authorization/keycloak"));
    assertThat(start.statusCode()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize)
        .startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth")
        .contains("client_id=mandaat-gateway")
        .contains("code_challenge=")
        .contains("code_challenge_method=S256");

    HttpResponse<String> loginPage = browser.get(URI.create(authorize));
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher form = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    HttpResponse<String> loggedIn =
        browser.post(
            URI.create(form.group(1).replace("&amp;", "&")),
            "application/x-www-form-urlencoded",
            "username=tm-omgeving&password=demo&credentialId=",
            Map.of());
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
    String callback = loggedIn.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(gateway + "/login/oauth2/code/keycloak");
    String sessionBeforeLogin = browser.cookie("SESSION");

    HttpResponse<String> back = browser.get(URI.create(callback));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    assertThat(browser.cookie("SESSION"))
        .as("a new session id after login")
        .isNotNull()
        .isNotEqualTo(sessionBeforeLogin);

    HttpResponse<String> api = browser.get(URI.create(gateway + "/api/v1/org/units?kc=session"));
    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    Matcher relayed = Pattern.compile("\"authorization\":\"Bearer ([^\"]+)\"").matcher(api.body());
    assertThat(relayed.find()).as("a bearer token relayed upstream: " + api.body()).isTrue();
    String claims =
        new String(
            Base64.getUrlDecoder().decode(relayed.group(1).split("\\.")[1]),
            StandardCharsets.UTF_8);
    assertThat(claims)
        .contains("\"preferred_username\":\"tm-omgeving\"")
        .contains("\"azp\":\"mandaat-gateway\"");

    // Another replica of the gateway knows the session too: it lives in PostgreSQL, not in the
    // memory of the replica that logged the browser in.
    try (ConfigurableApplicationContext other = anotherReplica()) {
      int port = ((WebServerApplicationContext) other).getWebServer().getPort();
      HttpResponse<String> elsewhere =
          browser.get(URI.create("http://localhost:" + port + "/api/v1/org/units?kc=replica"));
      assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
      assertThat(elsewhere.body()).contains("\"authorization\":\"Bearer ");
    }

    // A write carried by the session cookie needs the CSRF token the gateway handed out.
    HttpResponse<String> withoutCsrf =
        browser.post(
            URI.create(gateway + "/api/v1/grants?kc=no-csrf"), "application/json", "{}", Map.of());
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    HttpResponse<String> withCsrf =
        browser.post(
            URI.create(gateway + "/api/v1/grants?kc=csrf"),
            "application/json",
            "{}",
            Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(200);
    assertThat(UPSTREAMS.received())
        .contains("/api/v1/grants?kc=csrf")
        .doesNotContain("/api/v1/grants?kc=no-csrf");

    // Logging out ends the gateway's session and sends the browser to end Keycloak's.
    HttpResponse<String> logout =
        browser.post(
            URI.create(gateway + "/logout"),
            "application/x-www-form-urlencoded",
            "",
            Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow())
        .startsWith(keycloak.issuerUri() + "/protocol/openid-connect/logout")
        .contains("id_token_hint=")
        .contains("post_logout_redirect_uri=");
    assertThat(browser.get(URI.create(gateway + "/api/v1/org/units?kc=after-logout")).statusCode())
        .isEqualTo(401);
  }
}
