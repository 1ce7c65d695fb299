package nl.mandaat.mandate.adapter.out.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Substitution;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.mandate.domain.OrganisationState;
import nl.mandaat.support.events.OrganisationEvents;
import nl.mandaat.support.events.PayloadJson;
import nl.mandaat.support.replica.EventFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * org-service's organisation as its stream delivers it (docs/events.md), through the suite's {@link
 * EventFeed}: the snapshot first, then every event after it, resumed after the last one seen when
 * the stream breaks. {@link #loaded()} says whether the snapshot has arrived; {@link #apply} takes
 * one event, so a test can feed the organisation without a server. Thread-safe.
 */
public final class StreamedOrganisation implements Organisation {

  private static final Logger log = LoggerFactory.getLogger(StreamedOrganisation.class);

  private final EventFeed feed;
  private final Sinks.Many<OrganisationState> states = Sinks.many().replay().latest();
  private OrganisationState state = OrganisationState.EMPTY;
  private volatile boolean loaded;
  private volatile String failure;
  private boolean started;

  public StreamedOrganisation(EventFeed feed) {
    this.feed = feed;
    states.tryEmitNext(state);
  }

  @Override
  public synchronized Flux<OrganisationState> states() {
    if (!started) {
      started = true;
      feed.start(this::accept);
    }
    return states.asFlux();
  }

  /** Whether org-service's snapshot has arrived (and with it the whole organisation). */
  public boolean loaded() {
    return loaded;
  }

  /** Stops following the stream. */
  public void close() {
    feed.close();
  }

  /**
   * Why writes must wait: an event of a type this version cannot apply has arrived, so the
   * organisation may lack a change (an assignment ended, a substitution ended) and a write
   * validated against it could be accepted wrongly. Fail closed until a version that knows the type
   * follows the stream; empty while every event has been applied.
   */
  @Override
  public Optional<String> unavailable() {
    return Optional.ofNullable(failure);
  }

  /**
   * Applies one event of the stream, by its type and payload (read by service-support's {@link
   * OrganisationEvents}); answers the new state. An event of a type it does not know changes
   * nothing and makes the organisation {@link #unavailable()}; so do all events after it, which may
   * build on it.
   */
  public synchronized OrganisationState apply(String type, JsonNode payload) {
    if (failure != null) {
      return state;
    }
    Next next = new Next(state);
    if (!OrganisationEvents.apply(type, payload, next)) {
      failure =
          "org-service wrote an event of type '" + type + "', which this version cannot apply";
      log.error("{}; writes are refused until a version that knows it runs", failure);
      return state;
    }
    state = next.state;
    states.tryEmitNext(state);
    return state;
  }

  /** The state after one event's change. */
  private static final class Next implements OrganisationEvents.Changes {
    private OrganisationState state;

    Next(OrganisationState state) {
      this.state = state;
    }

    @Override
    public void body(AdministrativeBody body) {
      state = state.with(body);
    }

    @Override
    public void unit(OrgUnit unit) {
      state = state.with(unit);
    }

    @Override
    public void position(Position position) {
      state = state.with(position);
    }

    @Override
    public void person(Person person) {
      state = state.with(person);
    }

    @Override
    public void assignment(Assignment assignment) {
      state = state.with(assignment);
    }

    @Override
    public void assignmentEnded(String id, LocalDate validTo) {
      state = state.endAssignment(id, validTo);
    }

    @Override
    public void substitution(Substitution substitution) {
      state = state.with(substitution);
    }

    @Override
    public void substitutionEnded(String id, LocalDate validTo) {
      state = state.endSubstitution(id, validTo);
    }
  }

  private synchronized void accept(EventFeed.Item item) {
    if (item instanceof EventFeed.Snapshot snapshot) {
      state = fromSnapshot(snapshot.body());
      loaded = true;
      states.tryEmitNext(state);
    } else if (item instanceof EventFeed.Event event) {
      apply(event.type(), event.payload());
    }
  }

  private static OrganisationState fromSnapshot(JsonNode body) {
    return new OrganisationState(
        keyed(body, "bodies", AdministrativeBody.class, AdministrativeBody::code),
        keyed(body, "units", OrgUnit.class, OrgUnit::code),
        keyed(body, "positions", Position.class, Position::code),
        keyed(body, "persons", Person.class, Person::username),
        listed(body, "assignments", Assignment.class),
        listed(body, "substitutions", Substitution.class));
  }

  private static <T> Map<String, T> keyed(
      JsonNode body, String field, Class<T> type, Function<T, String> key) {
    Map<String, T> values = new LinkedHashMap<>();
    for (T value : listed(body, field, type)) {
      values.put(key.apply(value), value);
    }
    return values;
  }

  private static <T> List<T> listed(JsonNode body, String field, Class<T> type) {
    List<T> values = new ArrayList<>();
    for (JsonNode item : body.path(field)) {
      values.add(PayloadJson.convert(item, type));
    }
    return values;
  }
}
