package nl.mandaat.launcher;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/** Asks whether a service or the issuer answers as ready. */
final class Readiness {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** A service is ready when {@code /actuator/health/readiness} answers 200 with status UP. */
  boolean serviceReady(URI base) {
    return json(base.resolve("/actuator/health/readiness"))
        .map(body -> "UP".equals(body.get("status")))
        .orElse(false);
  }

  /** The issuer is ready when its discovery document names exactly the expected issuer. */
  boolean issuerReady(URI issuer) {
    return json(URI.create(issuer + "/.well-known/openid-configuration"))
        .map(body -> issuer.toString().equals(body.get("issuer")))
        .orElse(false);
  }

  private java.util.Optional<Map<String, Object>> json(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(JSONObjectUtils.parse(response.body()));
    } catch (IOException | ParseException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }
}
