package nl.mandaat.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway routes to ({@code mandaat.routes.*}, docs/suite.md); the routes themselves are
 * in {@code application.yaml}. Bound so a missing or malformed address stops the start.
 *
 * @param orgUri org-service
 * @param mandateUri mandate-service
 * @param decisionUri decision-service
 * @param reportingUri reporting-service
 * @param webUri the console
 */
@ConfigurationProperties(RouteProperties.PREFIX)
@Validated
public record RouteProperties(
    @NotNull URI orgUri,
    @NotNull URI mandateUri,
    @NotNull URI decisionUri,
    @NotNull URI reportingUri,
    @NotNull URI webUri) {

  /** The property prefix. */
  public static final String PREFIX = "mandaat.routes";
}
