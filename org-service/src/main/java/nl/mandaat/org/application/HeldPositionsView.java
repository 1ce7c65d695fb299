package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.mandaat.core.Position;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.HeldPosition;
import nl.mandaat.org.domain.StoredEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who holds which position when, in memory: an effective-dated read model built from the service's
 * own committed events (the outbox) and kept current by following them, so that "which positions
 * does this person hold on that day" is a map look-up instead of a query.
 *
 * <p>Consistency: every instance applies every committed event, in sequence order, as soon as the
 * outbox's notification wakes it (and at the latest at the poll interval); a write on this instance
 * catches the view up before it answers, so its caller reads its own write here; a caller that
 * wrote elsewhere passes the revision it got ({@code minRevision}) and the view catches up to it
 * first. An answer never comes from a view older than the revision asked for.
 *
 * <p>Thread-safe: events are applied by whoever catches up, one at a time and exactly once each, in
 * sequence order; readers take no lock.
 */
public final class HeldPositionsView {

  private static final Comparator<HeldPosition> ORDER =
      Comparator.comparing((HeldPosition h) -> h.position().code())
          .thenComparing(HeldPosition::via);

  /** A person's assignment or substitution, as recorded. */
  private record Holding(String id, String position, HeldPosition.Via via, Window window) {}

  private final Events events;
  private final Function<String, Map<String, Object>> decode;

  private final Set<String> persons = ConcurrentHashMap.newKeySet();
  private final Map<String, Position> positions = new ConcurrentHashMap<>();
  // Lists are never changed once published: an applied event replaces a person's list.
  private final Map<String, List<Holding>> holdings = new ConcurrentHashMap<>();
  // "<via>:<id>" to the person holding it, for the events that end one.
  private final Map<String, String> holderOf = new ConcurrentHashMap<>();
  private final Object applying = new Object();
  private volatile long applied;
  private volatile boolean loaded;

  /**
   * @param events the outbox
   * @param decode reads an event's payload text into its fields
   */
  public HeldPositionsView(Events events, Function<String, Map<String, Object>> decode) {
    this.events = Objects.requireNonNull(events, "events");
    this.decode = Objects.requireNonNull(decode, "decode");
  }

  /** The sequence of the last event applied: the revision the view answers for. */
  public long revision() {
    return applied;
  }

  /**
   * Applies every event committed after the last one applied. Concurrent calls are safe: each event
   * is applied once, in order.
   */
  public Mono<Long> catchUp() {
    return Flux.defer(() -> events.after(applied))
        .doOnNext(this::apply)
        .then(Mono.fromSupplier(this::markLoaded));
  }

  /** Catches up now and then at every wake of the outbox, until the subscription is cancelled. */
  public Flux<Long> follow() {
    return catchUp()
        .concatWith(events.wakes().onBackpressureLatest().concatMap(wake -> catchUp(), 1));
  }

  /**
   * The positions {@code username} holds on {@code date}, by assignment or substitution, ordered by
   * position code; an unknown person is a {@link NotFound} error.
   *
   * @param minRevision the revision the answer must at least reflect (0 for any)
   */
  public Mono<List<HeldPosition>> positionsHeld(String username, LocalDate date, long minRevision) {
    if (loaded && applied >= minRevision) {
      return Mono.fromSupplier(() -> answer(username, date));
    }
    return catchUp().then(Mono.fromSupplier(() -> answer(username, date)));
  }

  private long markLoaded() {
    loaded = true;
    return applied;
  }

  private List<HeldPosition> answer(String username, LocalDate date) {
    if (!persons.contains(username)) {
      throw new NotFound("UNKNOWN_PERSON", "Unknown person " + username + ".");
    }
    List<HeldPosition> held = new ArrayList<>(2);
    for (Holding holding : holdings.getOrDefault(username, List.of())) {
      Position position = positions.get(holding.position());
      if (position != null
          && holding.window().contains(date)
          && position.lifetime().contains(date)) {
        held.add(new HeldPosition(position, holding.via(), holding.id(), holding.window()));
      }
    }
    held.sort(ORDER);
    return held;
  }

  private void apply(StoredEvent event) {
    synchronized (applying) {
      if (event.sequence() != applied + 1) {
        // Applied already by a concurrent catch-up (sequences are gap-free and committed in order).
        return;
      }
      Map<String, Object> payload = decode.apply(event.payload());
      switch (event.type()) {
        case Payloads.PERSON_RECORDED -> persons.add(text(payload, "username"));
        case Payloads.POSITION_RECORDED -> {
          Position position = position(payload);
          positions.put(position.code(), position);
        }
        case Payloads.ASSIGNMENT_RECORDED ->
            hold(text(payload, "person"), payload, HeldPosition.Via.ASSIGNMENT);
        case Payloads.SUBSTITUTION_RECORDED ->
            hold(text(payload, "substitute"), payload, HeldPosition.Via.SUBSTITUTION);
        case Payloads.ASSIGNMENT_ENDED ->
            end(
                HeldPosition.Via.ASSIGNMENT,
                text(payload, "id"),
                LocalDate.parse(text(payload, "validTo")));
        case Payloads.SUBSTITUTION_ENDED ->
            end(
                HeldPosition.Via.SUBSTITUTION,
                text(payload, "id"),
                LocalDate.parse(text(payload, "validTo")));
        default -> {
          // bodies and units do not change who holds what
        }
      }
      applied = event.sequence();
    }
  }

  private void hold(String person, Map<String, Object> payload, HeldPosition.Via via) {
    Holding holding =
        new Holding(text(payload, "id"), text(payload, "position"), via, window(payload, "window"));
    List<Holding> next = new ArrayList<>(holdings.getOrDefault(person, List.of()));
    next.removeIf(h -> h.id().equals(holding.id()) && h.via() == via);
    next.add(holding);
    holdings.put(person, List.copyOf(next));
    holderOf.put(via + ":" + holding.id(), person);
  }

  private void end(HeldPosition.Via via, String id, LocalDate validTo) {
    // Assignment and substitution ids are unique each in their own kind only.
    String person = holderOf.get(via + ":" + id);
    if (person == null) {
      return;
    }
    List<Holding> next = new ArrayList<>();
    for (Holding h : holdings.getOrDefault(person, List.of())) {
      next.add(
          h.id().equals(id) && h.via() == via
              ? new Holding(h.id(), h.position(), h.via(), Window.of(h.window().from(), validTo))
              : h);
    }
    holdings.put(person, List.copyOf(next));
  }

  private static Position position(Map<String, Object> payload) {
    return new Position(
        text(payload, "code"),
        text(payload, "name"),
        text(payload, "unitCode"),
        text(payload, "reportsTo"),
        Boolean.TRUE.equals(payload.get("singleHolder")),
        Boolean.TRUE.equals(payload.get("external")),
        window(payload, "lifetime"));
  }

  @SuppressWarnings("unchecked")
  private static Window window(Map<String, Object> payload, String field) {
    Map<String, Object> window = (Map<String, Object>) payload.get(field);
    String to = text(window, "to");
    return Window.of(
        LocalDate.parse(text(window, "from")), to == null ? null : LocalDate.parse(to));
  }

  private static String text(Map<String, Object> payload, String field) {
    Object value = payload.get(field);
    return value == null ? null : value.toString();
  }
}
