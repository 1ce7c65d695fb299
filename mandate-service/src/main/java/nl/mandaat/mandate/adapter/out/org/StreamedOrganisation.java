package nl.mandaat.mandate.adapter.out.org;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.mandate.domain.OrganisationState;
import nl.mandaat.support.ServiceToken;
import nl.mandaat.support.events.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Follows org-service's event stream (docs/events.md) from the start, resuming after the last
 * sequence seen and reconnecting with backoff. {@link #apply} takes one event, so a test can feed
 * the organisation without a server.
 */
public final class StreamedOrganisation implements Organisation {

  private static final Logger log = LoggerFactory.getLogger(StreamedOrganisation.class);
  private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
      new ParameterizedTypeReference<>() {};

  private final AtomicReference<OrganisationState> state =
      new AtomicReference<>(OrganisationState.EMPTY);
  private final AtomicLong lastSequence = new AtomicLong();
  private final Flux<OrganisationState> states;

  /**
   * @param web the client's builder; {@code token} is added as its filter
   * @param events the stream's URI, e.g. {@code http://localhost:8081/internal/v1/events}
   * @param token this service's token for org-service's internal endpoints
   */
  public StreamedOrganisation(WebClient.Builder web, URI events, ServiceToken token) {
    WebClient client = web.filter(token.asFilter()).build();
    this.states =
        Flux.defer(
                () ->
                    client
                        .get()
                        .uri(events + "?after=" + lastSequence.get())
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .retrieve()
                        .bodyToFlux(EVENT))
            .filter(sse -> sse.data() != null)
            .map(sse -> apply(sse.event(), sse.data()))
            .concatWith(Flux.error(new IllegalStateException("org-service's stream ended")))
            .doOnError(e -> log.warn("Organisation stream: {}; reconnecting", e.toString()))
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                    .maxBackoff(Duration.ofSeconds(10)))
            .startWith(Flux.defer(() -> Flux.just(state.get())))
            .share();
  }

  @Override
  public Flux<OrganisationState> states() {
    return states;
  }

  /**
   * Applies one event of the stream (its type and its {@code data} JSON); answers the new state.
   */
  public OrganisationState apply(String type, String data) {
    JsonNode event = PayloadJson.tree(data);
    JsonNode payload = event.get("payload");
    OrganisationState next =
        state.updateAndGet(
            current ->
                switch (type == null ? event.path("type").asString() : type) {
                  case "BodyRecorded" ->
                      current.with(PayloadJson.convert(payload, AdministrativeBody.class));
                  case "UnitRecorded" -> current.with(PayloadJson.convert(payload, OrgUnit.class));
                  case "PositionRecorded" ->
                      current.with(PayloadJson.convert(payload, Position.class));
                  case "PersonRecorded" -> current.with(PayloadJson.convert(payload, Person.class));
                  case "AssignmentRecorded" ->
                      current.with(PayloadJson.convert(payload, Assignment.class));
                  case "AssignmentEnded" ->
                      current.endAssignment(
                          payload.path("id").asString(),
                          payload.hasNonNull("validTo")
                              ? LocalDate.parse(payload.get("validTo").asString())
                              : null);
                  case "SubstitutionEnded" ->
                      current.endSubstitution(
                          payload.path("id").asString(),
                          payload.hasNonNull("validTo")
                              ? LocalDate.parse(payload.get("validTo").asString())
                              : null);
                  case "SubstitutionRecorded" ->
                      current.with(PayloadJson.convert(payload, Substitution.class));
                  default -> current;
                });
    if (event.hasNonNull("sequence")) {
      lastSequence.set(event.get("sequence").asLong());
    }
    return next;
  }
}
