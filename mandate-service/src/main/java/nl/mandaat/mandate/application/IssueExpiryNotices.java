package nl.mandaat.mandate.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.mandaat.core.EventChain;
import nl.mandaat.mandate.application.port.ExpiryNotices;
import nl.mandaat.mandate.domain.ExpiryNotice;
import nl.mandaat.mandate.domain.RecordedEvent;
import reactor.core.publisher.Mono;

/**
 * Tells grantors in time that their grants end (issue 5): every grant in force that ends within 60
 * days gets an {@code ExpiryNoticeDue} event, and within 14 days another, each once per grant, end
 * date and period however often this runs and on however many instances (see {@link
 * ExpiryNotice#due} for which period applies).
 *
 * <p>A notice is chained into the outbox like every event, so the stream carries it and the hash
 * chain covers it, but it changes nothing in the register and so makes no revision: a caller's
 * {@code minRevision} never waits for it (docs/events.md).
 */
public final class IssueExpiryNotices {

  public static final String EVENT = "ExpiryNoticeDue";

  /** The actor of every notice: no person wrote it. */
  public static final String ACTOR = "mandate-service";

  /** The most notices written in one statement; more follow in further writes. */
  static final int BATCH = 200;

  private final ExpiryNotices issued;

  private final WritePath path;

  public IssueExpiryNotices(WritePath path, ExpiryNotices issued) {
    this.path = Objects.requireNonNull(path, "path");
    this.issued = Objects.requireNonNull(issued, "issued");
  }

  /** Issues every notice due now and not issued before; answers how many this call wrote. */
  public Mono<Integer> issue() {
    return nextBatch()
        .expand(written -> written == BATCH ? nextBatch() : Mono.empty())
        .reduce(0, Integer::sum);
  }

  private Mono<Integer> nextBatch() {
    return path.write(this::attempt);
  }

  /**
   * Against the live register's head, as every write: when another instance wrote meanwhile
   * (perhaps the same notices), nothing is stored and {@link CatchUp} brings the head up to date,
   * after which the notices it wrote are among those issued.
   */
  private Mono<Optional<Integer>> attempt() {
    LiveRegister.Head head = path.register().head();
    Instant now = EventChain.storable(path.clock().instant());
    List<ExpiryNotice> due = ExpiryNotice.due(head.register(), now);
    if (due.isEmpty()) {
      return Mono.just(Optional.of(0));
    }
    return issued
        .issuedFor(due.stream().map(ExpiryNotice::grantId).distinct().toList())
        .collect(HashSet<ExpiryNotice.Key>::new, HashSet::add)
        .flatMap(
            done -> {
              List<ExpiryNotice> pending =
                  due.stream().filter(n -> !done.contains(n.key())).limit(BATCH).toList();
              if (pending.isEmpty()) {
                return Mono.just(Optional.of(0));
              }
              List<RecordedEvent> recorded = new ArrayList<>();
              long sequence = head.sequence();
              String prevHash = head.hash();
              for (ExpiryNotice notice : pending) {
                RecordedEvent event =
                    path.events().next(++sequence, prevHash, EVENT, now, ACTOR, notice);
                prevHash = event.hash();
                recorded.add(event);
              }
              return path.store()
                  .recordNotices(recorded, pending)
                  .map(
                      stored -> {
                        if (!stored) {
                          return Optional.<Integer>empty();
                        }
                        recorded.forEach(path.register()::committedNotice);
                        return Optional.of(pending.size());
                      });
            });
  }
}
