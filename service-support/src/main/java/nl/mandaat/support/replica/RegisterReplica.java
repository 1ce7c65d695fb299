package nl.mandaat.support.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.mandaat.core.RegisterSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An in-memory replica of the register (ARCHITECTURE.md, "How data flows" 3): follows org-service's
 * and mandate-service's streams, and after every batch of events builds a new {@link
 * RegisterSnapshot} and swaps it in atomically.
 *
 * <p>Fail closed: {@link #current()} answers {@link RegisterSnapshot#unavailable()} until both
 * snapshots have arrived, whenever either stream has been silent for longer than the staleness
 * (heartbeats are due every 15 s), and after an event it could not apply.
 *
 * <p>The revision is mandate-service's: the one its writes answer with, and {@code minRevision}
 * names; an event that changes nothing in the register (an expiry notice) leaves it as it is.
 * Thread-safe; events are applied and snapshots built on one worker thread.
 */
public final class RegisterReplica implements AutoCloseable {

  /** Where the replica stands, for health and metrics. */
  public record Status(
      boolean fresh,
      long revision,
      long organisationSequence,
      boolean organisationConnected,
      boolean registerConnected,
      String failure) {}

  private static final Logger log = LoggerFactory.getLogger(RegisterReplica.class);

  private record Arrival(EventFeed feed, EventFeed.Item item) {}

  private final EventFeed organisation;
  private final EventFeed register;
  private final Duration staleness;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private final Sinks.Many<RegisterSnapshot> built = Sinks.many().replay().latest();
  private final ReplicaState state = new ReplicaState();
  private final Thread worker;
  private volatile RegisterSnapshot newest;
  private volatile String failure;
  private volatile boolean closed;
  private boolean organisationLoaded;
  private boolean registerLoaded;
  private long revision = -1;

  /**
   * @param organisation org-service's feed
   * @param register mandate-service's feed
   * @param staleness the longest silence of either stream after which nothing is answered
   */
  public RegisterReplica(EventFeed organisation, EventFeed register, Duration staleness) {
    this.organisation = Objects.requireNonNull(organisation, "organisation");
    this.register = Objects.requireNonNull(register, "register");
    this.staleness = Objects.requireNonNull(staleness, "staleness");
    this.worker = new Thread(this::work, "register-replica");
    this.worker.setDaemon(true);
  }

  /** Starts following both streams. */
  public void start() {
    worker.start();
    organisation.start(item -> arrivals.add(new Arrival(organisation, item)));
    register.start(item -> arrivals.add(new Arrival(register, item)));
  }

  /**
   * The snapshot to answer from now: the newest built while both streams are heard within the
   * staleness, {@link RegisterSnapshot#unavailable()} otherwise. Never null.
   */
  public RegisterSnapshot current() {
    RegisterSnapshot snapshot = newest;
    return snapshot != null && isFresh() ? snapshot : RegisterSnapshot.unavailable();
  }

  /**
   * The snapshot at {@code minRevision} or later, waiting at most {@code maxWait} for it to be
   * built; empty when it was not built in time or the replica is not fresh.
   */
  public Mono<RegisterSnapshot> atLeast(long minRevision, Duration maxWait) {
    RegisterSnapshot now = current();
    if (now.isAvailable() && now.revision() >= minRevision) {
      return Mono.just(now);
    }
    return built
        .asFlux()
        .filter(s -> s.revision() >= minRevision)
        .next()
        .timeout(maxWait, Mono.empty())
        .filter(s -> isFresh());
  }

  /** Every snapshot as it is swapped in, the newest first on subscription. */
  public Flux<RegisterSnapshot> snapshots() {
    return built.asFlux();
  }

  /** Where the replica stands now. */
  public Status status() {
    RegisterSnapshot snapshot = newest;
    return new Status(
        snapshot != null && isFresh(),
        snapshot == null ? -1 : snapshot.revision(),
        organisation.sequence(),
        organisation.connected(),
        register.connected(),
        failure);
  }

  @Override
  public void close() {
    closed = true;
    organisation.close();
    register.close();
    worker.interrupt();
  }

  private boolean isFresh() {
    return failure == null
        && organisation.heardWithin(staleness)
        && register.heardWithin(staleness);
  }

  private void work() {
    List<Arrival> batch = new ArrayList<>();
    while (!closed) {
      try {
        Arrival first = arrivals.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        arrivals.drainTo(batch);
        if (failure == null) {
          batch.forEach(this::apply);
          if (organisationLoaded && registerLoaded) {
            publish(RegisterSnapshot.of(state.build(revision)));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failure = e.toString();
        log.error("Register replica stopped answering: {}", failure, e);
      } finally {
        batch.clear();
      }
    }
  }

  private void apply(Arrival arrival) {
    EventFeed.Item item = arrival.item();
    if (arrival.feed() == organisation) {
      if (item instanceof EventFeed.Snapshot s) {
        state.loadOrganisation(s.body());
        organisationLoaded = true;
      } else if (item instanceof EventFeed.Event e) {
        state.applyOrganisation(e.type(), e.payload());
      }
    } else {
      if (item instanceof EventFeed.Snapshot s) {
        state.loadMandates(s.body());
        registerLoaded = true;
        revision = item.sequence();
      } else if (item instanceof EventFeed.Event e && state.applyMandates(e.type(), e.payload())) {
        revision = item.sequence();
      }
    }
  }

  private void publish(RegisterSnapshot snapshot) {
    newest = snapshot;
    built.tryEmitNext(snapshot);
  }
}
