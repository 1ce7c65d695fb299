package nl.mandaat.launcher;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenID Connect issuer inside the launcher JVM for machines without Keycloak ({@code
 * --no-keycloak}). It serves the realm file's users, roles and clients at the same issuer address
 * as Keycloak would: discovery, JWKS, the token endpoint (password, client credentials and
 * authorization code with PKCE grants), a plain login form, userinfo and logout. Demo only: it
 * keeps codes in memory and issues no refresh tokens.
 */
public final class InProcessIssuer implements AutoCloseable {

  private static final String OIDC = "/protocol/openid-connect";
  private static final long CODE_SECONDS = 60;

  private final Realm realm;
  private final AccessTokens tokens;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

  private InProcessIssuer(
      Realm realm, AccessTokens tokens, HttpServer server, ExecutorService executor, Clock clock) {
    this.realm = realm;
    this.tokens = tokens;
    this.server = server;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Starts serving {@code realm} on loopback {@code port}, with issuer {@code
   * http://localhost:<port>/realms/<realm>}.
   *
   * @throws LaunchException when the port cannot be bound
   */
  public static InProcessIssuer start(Realm realm, int port) {
    Clock clock = Clock.systemUTC();
    URI issuer = URI.create("http://localhost:" + port + "/realms/" + realm.name());
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new LaunchException(
          "port "
              + port
              + " (the in-process issuer) is in use; stop what uses it or pass --port-offset 100",
          e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "issuer");
              thread.setDaemon(true);
              return thread;
            });
    InProcessIssuer issuerServer =
        new InProcessIssuer(realm, new AccessTokens(realm, issuer, clock), server, executor, clock);
    server.createContext("/realms/" + realm.name(), issuerServer::handle);
    server.setExecutor(executor);
    server.start();
    return issuerServer;
  }

  public URI issuer() {
    return tokens.issuer();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path =
          exchange.getRequestURI().getPath().substring(("/realms/" + realm.name()).length());
      String method = exchange.getRequestMethod();
      switch (path) {
        case "", "/" -> json(exchange, 200, Map.of("realm", realm.name()));
        case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
        case OIDC + "/certs" -> json(exchange, 200, tokens.publicKeys().toJSONObject(true));
        case OIDC + "/token" -> {
          if (!method.equals("POST")) {
            error(exchange, 405, "invalid_request", "HTTP method not allowed");
          } else {
            token(exchange);
          }
        }
        case OIDC + "/auth" -> authorize(exchange);
        case OIDC + "/userinfo" -> userinfo(exchange);
        case OIDC + "/logout" -> logout(exchange);
        default -> error(exchange, 404, "not_found", "Unknown path " + path);
      }
    } catch (RuntimeException e) {
      error(exchange, 500, "server_error", String.valueOf(e.getMessage()));
    } finally {
      exchange.close();
    }
  }

  Map<String, Object> discovery() {
    String base = issuer() + OIDC;
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", issuer().toString());
    document.put("authorization_endpoint", base + "/auth");
    document.put("token_endpoint", base + "/token");
    document.put("userinfo_endpoint", base + "/userinfo");
    document.put("end_session_endpoint", base + "/logout");
    document.put("jwks_uri", base + "/certs");
    document.put(
        "grant_types_supported", List.of("authorization_code", "password", "client_credentials"));
    document.put("response_types_supported", List.of("code"));
    document.put("response_modes_supported", List.of("query"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    document.put("code_challenge_methods_supported", List.of("S256"));
    document.put("scopes_supported", List.of("openid", "profile", "email", "roles"));
    document.put(
        "claims_supported",
        List.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "azp",
            "preferred_username",
            "name",
            "given_name",
            "family_name",
            "email",
            "email_verified",
            "realm_access"));
    return document;
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(body(exchange));
    Optional<ClientCredentials> credentials = clientCredentials(exchange, form);
    if (credentials.isEmpty()) {
      error(exchange, 401, "invalid_client", "Invalid client or Invalid client credentials");
      return;
    }
    Optional<Realm.Client> client = authenticate(credentials.get());
    if (client.isEmpty()) {
      error(exchange, 401, "invalid_client", "Invalid client or Invalid client credentials");
      return;
    }
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "password" -> passwordGrant(exchange, client.get(), form);
      case "client_credentials" -> clientCredentialsGrant(exchange, client.get());
      case "authorization_code" -> codeGrant(exchange, client.get(), form);
      default -> error(exchange, 400, "unsupported_grant_type", "Unsupported grant_type");
    }
  }

  private void passwordGrant(HttpExchange exchange, Realm.Client client, Map<String, String> form)
      throws IOException {
    if (!client.directAccessGrants()) {
      error(exchange, 400, "unauthorized_client", "Client not allowed for direct access grants");
      return;
    }
    Optional<Realm.User> user =
        realm
            .user(form.getOrDefault("username", ""))
            .filter(Realm.User::enabled)
            .filter(u -> u.password().isPresent())
            .filter(u -> constantTimeEquals(u.password().get(), form.getOrDefault("password", "")));
    if (user.isEmpty()) {
      error(exchange, 401, "invalid_grant", "Invalid user credentials");
      return;
    }
    String scope = scope(form.get("scope"));
    String session = UUID.randomUUID().toString();
    Map<String, Object> response =
        tokenResponse(
            tokens.sign(tokens.accessClaims(user.get(), client, scope, Optional.of(session))),
            scope);
    if (scope.startsWith("openid")) {
      response.put(
          "id_token", tokens.sign(tokens.idClaims(user.get(), client, Optional.empty(), session)));
    }
    json(exchange, 200, response);
  }

  private void clientCredentialsGrant(HttpExchange exchange, Realm.Client client)
      throws IOException {
    Optional<Realm.User> account = realm.serviceAccount(client.clientId());
    if (client.publicClient() || !client.serviceAccounts() || account.isEmpty()) {
      error(exchange, 401, "unauthorized_client", "Client not enabled to retrieve service account");
      return;
    }
    String scope = "email profile";
    json(
        exchange,
        200,
        tokenResponse(
            tokens.sign(tokens.accessClaims(account.get(), client, scope, Optional.empty())),
            scope));
  }

  private void codeGrant(HttpExchange exchange, Realm.Client client, Map<String, String> form)
      throws IOException {
    PendingCode pending = codes.remove(form.getOrDefault("code", ""));
    if (pending == null
        || pending.expires().isBefore(clock.instant())
        || !pending.clientId().equals(client.clientId())
        || !pending.redirectUri().equals(form.getOrDefault("redirect_uri", ""))) {
      error(exchange, 400, "invalid_grant", "Code not valid");
      return;
    }
    if (pending.codeChallenge().isPresent()
        && !pending.codeChallenge().get().equals(s256(form.getOrDefault("code_verifier", "")))) {
      error(exchange, 400, "invalid_grant", "PKCE verification failed: Invalid code verifier");
      return;
    }
    Realm.User user = realm.user(pending.username()).orElseThrow();
    String session = UUID.randomUUID().toString();
    Map<String, Object> response =
        tokenResponse(
            tokens.sign(tokens.accessClaims(user, client, pending.scope(), Optional.of(session))),
            pending.scope());
    response.put("id_token", tokens.sign(tokens.idClaims(user, client, pending.nonce(), session)));
    json(exchange, 200, response);
  }

  private Map<String, Object> tokenResponse(String accessToken, String scope) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("access_token", accessToken);
    response.put("expires_in", realm.accessTokenLifespanSeconds());
    response.put("token_type", "Bearer");
    response.put("not-before-policy", 0);
    response.put("scope", scope);
    return response;
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query =
        exchange.getRequestMethod().equals("POST")
            ? form(body(exchange))
            : form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    Optional<Realm.Client> client =
        realm.client(query.getOrDefault("client_id", "")).filter(Realm.Client::standardFlow);
    String redirect = query.getOrDefault("redirect_uri", "");
    if (client.isEmpty() || !client.get().allowsRedirect(redirect)) {
      html(exchange, 400, "<p>Invalid client or redirect URI.</p>");
      return;
    }
    if (!"code".equals(query.get("response_type"))) {
      redirect(
          exchange,
          redirect,
          Map.of("error", "unsupported_response_type", "state", query.getOrDefault("state", "")));
      return;
    }
    Optional<String> challenge = Optional.ofNullable(query.get("code_challenge"));
    if (client.get().pkceMethod().isPresent()
        && (challenge.isEmpty() || !"S256".equals(query.get("code_challenge_method")))) {
      redirect(
          exchange,
          redirect,
          Map.of(
              "error", "invalid_request",
              "error_description", "Missing parameter: code_challenge_method",
              "state", query.getOrDefault("state", "")));
      return;
    }
    if (exchange.getRequestMethod().equals("GET")) {
      html(exchange, 200, loginForm(query, false));
      return;
    }
    Optional<Realm.User> user =
        realm
            .user(query.getOrDefault("username", ""))
            .filter(Realm.User::enabled)
            .filter(u -> u.password().isPresent())
            .filter(
                u -> constantTimeEquals(u.password().get(), query.getOrDefault("password", "")));
    if (user.isEmpty()) {
      html(exchange, 200, loginForm(query, true));
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(
        code,
        new PendingCode(
            client.get().clientId(),
            redirect,
            user.get().username(),
            scope(query.get("scope")),
            challenge,
            Optional.ofNullable(query.get("nonce")),
            clock.instant().plusSeconds(CODE_SECONDS)));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    if (query.containsKey("state")) {
      parameters.put("state", query.get("state"));
    }
    parameters.put("iss", issuer().toString());
    redirect(exchange, redirect, parameters);
  }

  private String loginForm(Map<String, String> query, boolean failed) {
    StringBuilder hidden = new StringBuilder();
    for (String name :
        List.of(
            "client_id",
            "redirect_uri",
            "response_type",
            "scope",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method")) {
      if (query.containsKey(name)) {
        hidden
            .append("<input type=\"hidden\" name=\"")
            .append(name)
            .append("\" value=\"")
            .append(escape(query.get(name)))
            .append("\">");
      }
    }
    return "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inloggen bij mandaat</title>"
        + "</head><body><main><h1>Inloggen bij mandaat</h1>"
        + (failed
            ? "<p role=\"alert\" id=\"input-error\">Ongeldige gebruikersnaam of wachtwoord.</p>"
            : "")
        + "<form method=\"post\" id=\"kc-form-login\">"
        + hidden
        + "<label for=\"username\">Gebruikersnaam</label> <input id=\"username\" name=\"username\" autofocus "
        + "value=\""
        + escape(query.getOrDefault("username", ""))
        + "\"><br><label for=\"password\">Wachtwoord</label> <input id=\"password\" name=\"password\" "
        + "type=\"password\"><br><button type=\"submit\" id=\"kc-login\" name=\"login\">Inloggen</button>"
        + "</form></main></body></html>";
  }

  private void userinfo(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Optional<JWTClaimsSet> claims =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tokens.verify(authorization.substring(7).trim())
            : Optional.empty();
    if (claims.isEmpty()) {
      exchange
          .getResponseHeaders()
          .add("WWW-Authenticate", "Bearer realm=\"" + realm.name() + "\"");
      error(exchange, 401, "invalid_token", "Token verification failed");
      return;
    }
    Map<String, Object> info = new LinkedHashMap<>();
    for (String name :
        List.of(
            "sub",
            "preferred_username",
            "name",
            "given_name",
            "family_name",
            "email",
            "email_verified")) {
      Object value = claims.get().getClaim(name);
      if (value != null) {
        info.put(name, value);
      }
    }
    json(exchange, 200, info);
  }

  private void logout(HttpExchange exchange) throws IOException {
    Map<String, String> query =
        form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    String target = query.get("post_logout_redirect_uri");
    boolean allowed =
        target != null && realm.clients().stream().anyMatch(c -> c.allowsRedirect(target));
    if (allowed) {
      Map<String, String> parameters = new LinkedHashMap<>();
      if (query.containsKey("state")) {
        parameters.put("state", query.get("state"));
      }
      redirect(exchange, target, parameters);
    } else {
      html(exchange, 200, "<p>U bent uitgelogd.</p>");
    }
  }

  private Optional<ClientCredentials> clientCredentials(
      HttpExchange exchange, Map<String, String> form) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          return Optional.empty();
        }
        return Optional.of(
            new ClientCredentials(
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                Optional.of(
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(form.get("client_id"))
        .map(id -> new ClientCredentials(id, Optional.ofNullable(form.get("client_secret"))));
  }

  private Optional<Realm.Client> authenticate(ClientCredentials credentials) {
    return realm
        .client(credentials.clientId())
        .filter(
            c ->
                c.publicClient()
                    || (c.secret().isPresent()
                        && credentials.secret().isPresent()
                        && constantTimeEquals(c.secret().get(), credentials.secret().get())));
  }

  private static String scope(String requested) {
    boolean openid = requested != null && List.of(requested.split(" ")).contains("openid");
    return openid ? "openid email profile" : "email profile";
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(64 * 1024);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void redirect(HttpExchange exchange, String target, Map<String, String> parameters)
      throws IOException {
    StringBuilder location = new StringBuilder(target);
    char separator = target.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      location
          .append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    exchange.getResponseHeaders().add("Location", location.toString());
    exchange.sendResponseHeaders(302, -1);
  }

  private static void error(HttpExchange exchange, int status, String error, String description)
      throws IOException {
    json(exchange, status, Map.of("error", error, "error_description", description));
  }

  private static void json(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    send(exchange, status, "application/json", JSONObjectUtils.toJSONString(body));
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", body);
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private record ClientCredentials(String clientId, Optional<String> secret) {}

  private record PendingCode(
      String clientId,
      String redirectUri,
      String username,
      String scope,
      Optional<String> codeChallenge,
      Optional<String> nonce,
      Instant expires) {}
}
