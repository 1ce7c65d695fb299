package nl.mandaat.support;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The wiring every mandaat service shares; a service gets it by depending on {@code
 * service-support}.
 *
 * <p>Security: every request needs a bearer token from {@code mandaat.security.issuer-uri} for
 * audience {@code mandaat.security.audience}, except health, Prometheus metrics and {@code
 * mandaat.security.public-paths}. Errors are {@code application/problem+json} with a {@code code}.
 * With {@code mandaat.parent-pid} set the service exits when that process ends.
 */
@AutoConfiguration(
    before = {
      ReactiveOAuth2ResourceServerAutoConfiguration.class,
      ReactiveWebSecurityAutoConfiguration.class,
      ReactiveManagementWebSecurityAutoConfiguration.class,
      ReactiveUserDetailsServiceAutoConfiguration.class,
      ErrorWebFluxAutoConfiguration.class
    })
@EnableConfigurationProperties({
  DatabaseProperties.class,
  TokenProperties.class,
  ProcessProperties.class,
  InternalClientProperties.class
})
public class ServiceSupportAutoConfiguration {

  /** The skew JwtValidators.createDefault allows on exp and nbf. */
  private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  private static final String[] ALWAYS_PUBLIC = {
    "/actuator/health", "/actuator/health/**", "/actuator/prometheus"
  };

  @Bean
  ProblemResponses mandaatProblemResponses(ServerCodecConfigurer codecs) {
    return new ProblemResponses(codecs);
  }

  /**
   * The token for calls inside the suite: client credentials when {@code
   * mandaat.internal-client.id} is set, the fixed {@code mandaat.internal-client.token} when that
   * is, none otherwise.
   */
  @Bean
  @ConditionalOnMissingBean
  ServiceToken mandaatServiceToken(InternalClientProperties client, TokenProperties tokens) {
    if (client.id() != null && !client.id().isBlank()) {
      return ServiceToken.clientCredentials(
          WebClient.builder(),
          client.effectiveTokenUri(tokens.issuerUri()),
          client.id(),
          client.secret(),
          client.refreshBefore(),
          Clock.systemUTC());
    }
    if (client.token() != null && !client.token().isBlank()) {
      return ServiceToken.fixed(client.token());
    }
    return ServiceToken.none();
  }

  @Bean
  ProblemDetailErrorHandler mandaatProblemDetailErrorHandler(ProblemResponses problems) {
    return new ProblemDetailErrorHandler(problems);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebFluxSecurity
  static class TokenSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain mandaatSecurityWebFilterChain(
        ServerHttpSecurity http, TokenProperties tokens, ProblemResponses problems) {
      BearerProblemHandlers handlers = new BearerProblemHandlers(problems);
      String[] publicPaths = tokens.publicPaths().toArray(String[]::new);
      return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
          .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
          .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
          .logout(ServerHttpSecurity.LogoutSpec::disable)
          .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
          .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
          .authorizeExchange(
              exchanges -> {
                exchanges.pathMatchers(ALWAYS_PUBLIC).permitAll();
                if (publicPaths.length > 0) {
                  exchanges.pathMatchers(publicPaths).permitAll();
                }
                exchanges.anyExchange().authenticated();
              })
          .oauth2ResourceServer(
              server ->
                  server
                      .jwt(
                          jwt ->
                              jwt.jwtAuthenticationConverter(
                                  new KeycloakJwtAuthenticationConverter()))
                      .authenticationEntryPoint(handlers)
                      .accessDeniedHandler(handlers))
          .exceptionHandling(
              exceptions ->
                  exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
          .build();
    }

    /**
     * Keys come from the JWK set URI on the first token, so the service starts before the issuer
     * answers. Not used when the standard {@code spring.security.oauth2.resourceserver.jwt.*}
     * properties are given; Boot then builds the decoder from those.
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(NoStandardJwtProperties.class)
    ReactiveJwtDecoder mandaatJwtDecoder(TokenProperties tokens) {
      NimbusReactiveJwtDecoder decoder =
          NimbusReactiveJwtDecoder.withJwkSetUri(tokens.effectiveJwkSetUri().toString()).build();
      decoder.setJwtValidator(
          JwtValidators.createDefaultWithValidators(
              new JwtIssuerValidator(tokens.issuerUri()),
              new JwtAudienceValidator(tokens.audience())));
      // Unreachable keys surface as an authentication service failure (503), never as a 500.
      ReactiveJwtDecoder verifier =
          token ->
              decoder
                  .decode(token)
                  .onErrorMap(
                      failure -> !(failure instanceof JwtException),
                      failure ->
                          new JwtException("The issuer's keys could not be obtained", failure));
      return new VerifiedTokens(
          verifier, DEFAULT_CLOCK_SKEW, Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = ProcessProperties.PREFIX, name = "parent-pid")
  static class ParentProcessConfiguration {

    @Bean
    SmartLifecycle mandaatParentProcessWatchdog(
        ProcessProperties process, ObjectProvider<ConfigurableApplicationContext> context) {
      ParentProcessWatchdog watchdog =
          new ParentProcessWatchdog(
              process.parentPid(),
              () ->
                  // Off the watcher's thread: closing the context waits for lifecycle beans.
                  new Thread(
                          () -> System.exit(SpringApplication.exit(context.getObject(), () -> 0)),
                          "parent-gone-exit")
                      .start());
      return new SmartLifecycle() {
        private volatile boolean running;

        @Override
        public void start() {
          running = true;
          watchdog.watch();
        }

        @Override
        public void stop() {
          running = false;
        }

        @Override
        public boolean isRunning() {
          return running;
        }
      };
    }
  }

  static final class NoStandardJwtProperties implements Condition {
    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      var environment = context.getEnvironment();
      return !environment.containsProperty(PREFIX + "issuer-uri")
          && !environment.containsProperty(PREFIX + "jwk-set-uri")
          && !environment.containsProperty(PREFIX + "public-key-location");
    }
  }
}
