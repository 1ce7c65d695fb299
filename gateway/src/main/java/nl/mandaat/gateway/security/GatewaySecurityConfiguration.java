package nl.mandaat.gateway.security;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mandaat.support.BearerProblemHandlers;
import nl.mandaat.support.KeycloakJwtAuthenticationConverter;
import nl.mandaat.support.ProblemResponses;
import nl.mandaat.support.TokenProperties;
import nl.mandaat.support.VerifiedTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway's own security chain, in place of service-support's bearer-only one.
 *
 * <ul>
 *   <li>A bearer token is checked statelessly, as at every service, with keys warmed at start-up
 *       ({@link IssuerKeys}) and a configurable clock skew; the request keeps its token upstream.
 *   <li>A browser logs in at the gateway (authorization code with PKCE, client {@code
 *       mandaat-gateway}); the session holds the tokens, and the {@code TokenRelay} default filter
 *       sends the session's access token upstream.
 *   <li>Without either, a page navigation goes to the login; everything else is a 401 problem with
 *       {@code WWW-Authenticate: Bearer}, never a redirect.
 *   <li>CSRF protection applies to unsafe requests carried by the session cookie; a request with an
 *       {@code Authorization} header carries no ambient authority and needs none.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityProperties.class)
public class GatewaySecurityConfiguration {

  /** The client registration id of the browser login: {@code /oauth2/authorization/keycloak}. */
  public static final String REGISTRATION_ID = "keycloak";

  /** Where a browser starts its login. */
  public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

  /** The health contributor that keeps the gateway unready until the issuer's keys are loaded. */
  public static final String ISSUER_KEYS_HEALTH = "issuerKeys";

  private static final String OIDC = "/protocol/openid-connect";
  private static final String ISSUER_RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);

  // An issuer that is up answers at once; one that is starting is retried in the background.
  private static final Duration FIRST_KEY_FETCH = Duration.ofSeconds(5);
  private static final String SESSION_COOKIE = "SESSION";

  private static final String[] ALWAYS_PUBLIC = {
    "/actuator/health", "/actuator/health/**", "/actuator/prometheus"
  };

  @Bean
  IssuerKeys mandaatIssuerKeys(TokenProperties tokens) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3_000)
            .responseTimeout(Duration.ofSeconds(5));
    WebClient web =
        WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    return new IssuerKeys(tokens.effectiveJwkSetUri(), web, Clock.systemUTC());
  }

  /** Fetches the issuer's keys as the gateway starts, retrying in the background. */
  @Bean
  SmartLifecycle issuerKeysWarmUp(IssuerKeys keys) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        keys.warmUp(FIRST_KEY_FETCH);
        running = true;
      }

      @Override
      public void stop() {
        keys.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  /** Part of the readiness group: the gateway is ready once it can check a token locally. */
  @Bean(ISSUER_KEYS_HEALTH)
  ReactiveHealthIndicator issuerKeysHealthIndicator(IssuerKeys keys) {
    return () ->
        Mono.fromSupplier(
            () ->
                (keys.loaded() ? Health.up() : Health.outOfService())
                    .withDetail("jwkSetUri", keys.jwkSetUri().toString())
                    .build());
  }

  /**
   * Signature by a key of the issuer (RS256), {@code iss}, {@code aud}, {@code exp}/{@code nbf}
   * within the clock skew. Keys that cannot be fetched surface as an authentication service
   * failure: 503 {@code ISSUER_UNAVAILABLE}, never a pass and never a 500.
   */
  @Bean
  ReactiveJwtDecoder mandaatGatewayJwtDecoder(
      TokenProperties tokens, GatewaySecurityProperties security, IssuerKeys keys) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(security.clockSkew()),
            new JwtIssuerValidator(tokens.issuerUri()),
            new JwtAudienceValidator(tokens.audience())));
    ReactiveJwtDecoder verifier =
        token ->
            decoder
                .decode(token)
                .onErrorMap(
                    failure -> !(failure instanceof JwtException),
                    failure ->
                        new JwtException("The issuer's keys could not be obtained", failure));
    // Internal applications present one token for many requests: verify it once.
    return new VerifiedTokens(
        verifier, security.clockSkew(), Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
  }

  /**
   * The login client, with Keycloak's endpoints under the issuer written out: no discovery call, so
   * the gateway starts while Keycloak (or the launcher's in-process issuer) is still starting.
   */
  @Bean
  ReactiveClientRegistrationRepository mandaatClientRegistrations(
      TokenProperties tokens, GatewaySecurityProperties security) {
    String issuer = stripSlash(tokens.issuerUri());
    ClientRegistration keycloak =
        ClientRegistration.withRegistrationId(REGISTRATION_ID)
            .clientName("mandaat")
            .clientId(security.login().clientId())
            .clientSecret(security.login().clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile", "email")
            .issuerUri(issuer)
            .authorizationUri(issuer + OIDC + "/auth")
            .tokenUri(issuer + OIDC + "/token")
            .userInfoUri(issuer + OIDC + "/userinfo")
            .jwkSetUri(tokens.effectiveJwkSetUri().toString())
            .userNameAttributeName(RealmRolesOidcUserService.NAME_ATTRIBUTE)
            .providerConfigurationMetadata(
                Map.of("end_session_endpoint", issuer + OIDC + "/logout"))
            .build();
    return new InMemoryReactiveClientRegistrationRepository(keycloak);
  }

  /** The browser user carries the access token's realm roles, like a bearer token does. */
  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> mandaatOidcUserService(
      ReactiveJwtDecoder jwtDecoder) {
    return new RealmRolesOidcUserService(jwtDecoder);
  }

  @Bean
  GatewayCookieFilter gatewayCookieFilter() {
    return new GatewayCookieFilter();
  }

  /** A session's tokens live in the session and end with it. */
  @Bean
  ServerOAuth2AuthorizedClientRepository mandaatAuthorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  @Bean
  SecurityWebFilterChain mandaatGatewaySecurityWebFilterChain(
      ServerHttpSecurity http,
      TokenProperties tokens,
      GatewaySecurityProperties security,
      ProblemResponses problems,
      ReactiveJwtDecoder jwtDecoder,
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    BearerProblemHandlers bearer = new BearerProblemHandlers(problems);
    boolean login = security.login().enabled();
    List<String> publicPaths = new ArrayList<>(List.of(ALWAYS_PUBLIC));
    publicPaths.addAll(tokens.publicPaths());

    List<DelegateEntry> entryPoints = new ArrayList<>();
    if (login) {
      entryPoints.add(
          new DelegateEntry(
              new BrowserNavigation(), new RedirectServerAuthenticationEntryPoint(LOGIN_PATH)));
    }
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(entryPoints);
    entryPoint.setDefaultEntryPoint(bearer);

    http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(GatewaySecurityConfiguration::sessionWrite)
                    .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(publicPaths.toArray(String[]::new))
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(
                                    new KeycloakJwtAuthenticationConverter()))
                    .authenticationEntryPoint(bearer)
                    .authenticationFailureHandler(bearerFailure(bearer, problems))
                    .accessDeniedHandler(bearer))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(bearer));
    if (login) {
      WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
      requestCache.setSaveRequestMatcher(new BrowserNavigation());
      DefaultServerOAuth2AuthorizationRequestResolver resolver =
          new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
      resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      RedirectServerAuthenticationSuccessHandler backToPage =
          new RedirectServerAuthenticationSuccessHandler("/");
      backToPage.setRequestCache(requestCache);
      OidcClientInitiatedServerLogoutSuccessHandler logout =
          new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
      logout.setPostLogoutRedirectUri("{baseUrl}/");
      http.requestCache(cache -> cache.requestCache(requestCache))
          .oauth2Login(
              oauth2 ->
                  oauth2
                      .clientRegistrationRepository(registrations)
                      .authorizedClientRepository(authorizedClients)
                      .authorizationRequestResolver(resolver)
                      .authenticationSuccessHandler(
                          new DelegatingServerAuthenticationSuccessHandler(
                              GatewaySecurityConfiguration::renewSessionId, backToPage)))
          .logout(l -> l.logoutSuccessHandler(logout))
          .addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF);
    } else {
      http.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
          .logout(ServerHttpSecurity.LogoutSpec::disable);
    }
    return http.build();
  }

  /**
   * A bearer token that could not be checked because the issuer's keys are out of reach is a 503
   * {@code ISSUER_UNAVAILABLE}; any other failure a 401 with the Bearer challenge. Answered here
   * rather than thrown: the login filter further up the chain would turn a thrown failure into a
   * redirect to a login page.
   */
  private static ServerAuthenticationFailureHandler bearerFailure(
      BearerProblemHandlers bearer, ProblemResponses problems) {
    return (exchange, failure) -> {
      if (failure instanceof AuthenticationServiceException) {
        log.warn("Token check failed: {}", failure.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, ISSUER_RETRY_AFTER_SECONDS);
        return problems.write(
            exchange.getExchange(),
            ProblemResponses.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "ISSUER_UNAVAILABLE",
                "The token issuer's keys cannot be reached; try again shortly."),
            headers);
      }
      return bearer.commence(exchange.getExchange(), failure);
    };
  }

  /** Session fixation: a login gets a new session id. */
  private static Mono<Void> renewSessionId(
      WebFilterExchange exchange, Authentication authentication) {
    return exchange.getExchange().getSession().flatMap(session -> session.changeSessionId());
  }

  /**
   * Unsafe methods carried by the session cookie need the CSRF token; a request without the cookie
   * (a bearer token, or no authentication at all, which then gets its 401) has nothing to forge.
   */
  static Mono<MatchResult> sessionWrite(ServerWebExchange exchange) {
    var request = exchange.getRequest();
    HttpMethod method = request.getMethod();
    boolean safe =
        HttpMethod.GET.equals(method)
            || HttpMethod.HEAD.equals(method)
            || HttpMethod.OPTIONS.equals(method)
            || HttpMethod.TRACE.equals(method);
    boolean byCookie =
        request.getCookies().containsKey(SESSION_COOKIE)
            && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    return !safe && byCookie ? MatchResult.match() : MatchResult.notMatch();
  }

  /** Makes the CSRF cookie ({@code XSRF-TOKEN}) reach a browser so the console can send it back. */
  private static WebFilter csrfCookie() {
    return (exchange, chain) -> {
      if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
        return chain.filter(exchange);
      }
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
    };
  }

  private static String stripSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
