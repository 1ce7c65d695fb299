package nl.mandaat.gateway.adapter.out.r2dbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import nl.mandaat.gateway.application.port.DecisionLog;
import nl.mandaat.gateway.domain.DecisionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stores decision records in {@code decision_log} in batches, off the request path: {@link #record}
 * only queues. A batch that cannot be written is queued again for the next attempt; a full queue
 * drops the record and counts it ({@code mandaat.decision_log.dropped}) rather than slow every
 * answer down. What is queued at shutdown is written before the connection pool closes.
 */
public final class R2dbcDecisionLog implements DecisionLog, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(R2dbcDecisionLog.class);
  private static final int BATCH = 500;
  private static final String INSERT =
      "insert into decision_log (recorded_at, source, caller, subject_type, subject_id, action,"
          + " resource_type, resource_id, question, decision, reason, revision, failed_at,"
          + " traceparent, processing_activity)"
          + " values ($1, $2, $3, $4, $5, $6, 'decision-type', $7, $8, $9, $10, $11, $12, $13,"
          + " $14)";

  private final DatabaseClient database;
  private final BlockingQueue<DecisionRecord> queue;
  private final Duration interval;
  private final Counter dropped;
  private final Counter written;
  private volatile Disposable writer;

  /**
   * @param capacity the most records waiting to be written
   * @param interval how often waiting records are written
   */
  public R2dbcDecisionLog(
      DatabaseClient database, int capacity, Duration interval, MeterRegistry meters) {
    this.database = database;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.interval = interval;
    this.dropped = meters.counter("mandaat.decision_log.dropped");
    this.written = meters.counter("mandaat.decision_log.written");
  }

  @Override
  public void record(DecisionRecord record) {
    if (!queue.offer(record)) {
      dropped.increment();
    }
  }

  /** Writes everything queued now; completes when stored. */
  public Mono<Long> flush() {
    return Flux.defer(
            () -> {
              List<DecisionRecord> batch = new ArrayList<>(BATCH);
              queue.drainTo(batch, BATCH);
              return batch.isEmpty() ? Flux.empty() : Flux.just(batch);
            })
        .repeat(() -> !queue.isEmpty())
        .concatMap(this::insert)
        .reduce(0L, Long::sum);
  }

  @Override
  public void start() {
    writer =
        Flux.interval(interval, Schedulers.single())
            .onBackpressureDrop()
            .concatMap(tick -> flush().onErrorResume(this::failed), 1)
            .subscribe();
  }

  @Override
  public void stop() {
    if (writer != null) {
      writer.dispose();
    }
    flush().onErrorResume(this::failed).block(Duration.ofSeconds(10));
  }

  @Override
  public boolean isRunning() {
    return writer != null && !writer.isDisposed();
  }

  // Stopped before the R2DBC pool (a lower phase) so the last records still reach the table.
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1024;
  }

  private Mono<Long> insert(List<DecisionRecord> batch) {
    return database
        .inConnection(
            connection -> {
              Statement statement = connection.createStatement(INSERT);
              for (int i = 0; i < batch.size(); i++) {
                if (i > 0) {
                  statement.add();
                }
                bind(statement, batch.get(i));
              }
              return Flux.from(statement.execute())
                  .flatMap(result -> result.getRowsUpdated())
                  .reduce(0L, Long::sum);
            })
        .doOnNext(written::increment)
        // Kept for the next attempt: denies are recorded completely, as far as the queue holds.
        .doOnError(e -> batch.forEach(this::record));
  }

  private Mono<Long> failed(Throwable e) {
    log.warn("Decision records could not be written: {}", e.toString());
    return Mono.just(0L);
  }

  private static void bind(Statement s, DecisionRecord r) {
    s.bind(0, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
    s.bind(1, r.source());
    s.bind(2, r.caller());
    s.bind(3, r.subjectType());
    s.bind(4, r.subjectId());
    s.bind(5, r.action());
    s.bind(6, r.decisionType());
    s.bind(7, Json.of(r.question()));
    s.bind(8, r.decision());
    s.bind(9, r.reason());
    s.bind(10, r.revision());
    bindText(s, 11, r.failedAt());
    bindText(s, 12, r.traceparent());
    bindText(s, 13, r.processingActivity());
  }

  private static void bindText(Statement s, int index, String value) {
    if (value == null) {
      s.bindNull(index, String.class);
    } else {
      s.bind(index, value);
    }
  }
}
