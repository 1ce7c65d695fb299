package nl.mandaat.support;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A bearer token for calls inside the suite, such as following another service's {@code
 * /internal/v1/events}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ServiceToken {

  /** The token to present now; empty when none is configured; an error when none can be had. */
  Mono<String> bearer();

  /** A filter that puts {@link #bearer()} on every request of a {@code WebClient}. */
  default ExchangeFilterFunction asFilter() {
    return (request, next) ->
        bearer()
            .map(token -> ClientRequest.from(request).headers(h -> h.setBearerAuth(token)).build())
            .defaultIfEmpty(request)
            .flatMap(next::exchange);
  }

  /** No token: for tests and for a suite whose internal endpoints need none. */
  static ServiceToken none() {
    return Mono::empty;
  }

  /** Always the same token: for development against a token obtained by hand. */
  static ServiceToken fixed(String token) {
    Objects.requireNonNull(token, "token");
    return () -> Mono.just(token);
  }

  /**
   * A token obtained from the issuer's token endpoint with the client-credentials grant (Keycloak
   * client {@code mandaat-internal}, realm role {@code pdp-client}): fetched on first use, kept,
   * and fetched anew on the first use within {@code refreshBefore} of its expiry, so a call never
   * carries a token about to run out.
   *
   * @param web the builder of the client that calls the token endpoint
   * @param tokenUri e.g. {@code http://localhost:8180/realms/mandaat/protocol/openid-connect/token}
   * @param clock the clock that expiry is read against
   */
  static ServiceToken clientCredentials(
      WebClient.Builder web,
      URI tokenUri,
      String clientId,
      String clientSecret,
      Duration refreshBefore,
      Clock clock) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(Objects.requireNonNull(clientId, "clientId"))
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientId(clientId)
            .clientSecret(clientSecret == null ? "" : clientSecret)
            .tokenUri(Objects.requireNonNull(tokenUri, "tokenUri").toString())
            .build();
    var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
    var tokens = new WebClientReactiveClientCredentialsTokenResponseClient();
    tokens.setWebClient(web.build());
    var provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
    provider.setAccessTokenResponseClient(tokens);
    // The provider treats a token within its clock skew of expiry as expired: that is the margin.
    provider.setClockSkew(refreshBefore);
    provider.setClock(clock);
    var manager =
        new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
            registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
    manager.setAuthorizedClientProvider(provider);
    OAuth2AuthorizeRequest request =
        OAuth2AuthorizeRequest.withClientRegistrationId(clientId).principal(clientId).build();
    return () ->
        manager
            .authorize(request)
            .map(client -> client.getAccessToken().getTokenValue())
            .switchIfEmpty(
                Mono.error(
                    new IllegalStateException(
                        "no token for client " + clientId + " from " + tokenUri)));
  }
}
