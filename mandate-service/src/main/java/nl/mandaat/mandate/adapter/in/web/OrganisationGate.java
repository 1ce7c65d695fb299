package nl.mandaat.mandate.adapter.in.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.support.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Fails writes closed while the organisation cannot be trusted ({@link
 * Organisation#unavailable()}): every write is validated against it (who holds which position, who
 * substitutes whom), so one checked against an organisation that may lack an ended assignment could
 * grant what the law does not allow. 503 {@code ORGANISATION_UNAVAILABLE} with {@code Retry-After};
 * reads go on.
 */
@Component
class OrganisationGate implements WebFilter {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final Organisation organisation;

  OrganisationGate(Organisation organisation) {
    this.organisation = Objects.requireNonNull(organisation, "organisation");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpMethod method = exchange.getRequest().getMethod();
    boolean write =
        HttpMethod.POST.equals(method)
            || HttpMethod.PUT.equals(method)
            || HttpMethod.PATCH.equals(method)
            || HttpMethod.DELETE.equals(method);
    if (!write || !exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    Optional<String> reason = organisation.unavailable();
    if (reason.isPresent()) {
      return Mono.error(
          Problems.retryLater(
              HttpStatus.SERVICE_UNAVAILABLE,
              "ORGANISATION_UNAVAILABLE",
              "Writes wait until the organisation can be trusted again: " + reason.get() + ".",
              RETRY_AFTER));
    }
    return chain.filter(exchange);
  }
}
