package nl.mandaat.mandate.adapter.out.org;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * This service's own access token, by OAuth2 client credentials (in the demo realm the client
 * {@code mandaat-internal}, whose service account has realm role {@code pdp-client}): fetched on
 * the first request, kept, and fetched anew on the first request within {@code refreshBefore} of
 * its expiry, so a request never carries a token about to run out. Thread-safe.
 */
public final class ServiceToken {

  /** The registration id the token is kept under. */
  public static final String REGISTRATION = "service";

  private ServiceToken() {}

  /**
   * A filter that puts the service token on every request of a {@code WebClient}.
   *
   * @param tokenUri the issuer's token endpoint, e.g. {@code
   *     http://localhost:8180/realms/mandaat/protocol/openid-connect/token}
   * @param refreshBefore how long before its expiry a token is replaced
   * @param clock the clock that expiry is read against
   */
  public static ExchangeFilterFunction clientCredentials(
      URI tokenUri, String clientId, String clientSecret, Duration refreshBefore, Clock clock) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(REGISTRATION)
            .tokenUri(Objects.requireNonNull(tokenUri, "tokenUri").toString())
            .clientId(Objects.requireNonNull(clientId, "clientId"))
            .clientSecret(Objects.requireNonNull(clientSecret, "clientSecret"))
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .build();
    InMemoryReactiveClientRegistrationRepository registrations =
        new InMemoryReactiveClientRegistrationRepository(registration);
    ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider =
        new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
    provider.setClockSkew(refreshBefore);
    provider.setClock(clock);
    AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
            registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
    manager.setAuthorizedClientProvider(provider);
    ServerOAuth2AuthorizedClientExchangeFilterFunction filter =
        new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
    filter.setDefaultClientRegistrationId(REGISTRATION);
    return filter;
  }
}
