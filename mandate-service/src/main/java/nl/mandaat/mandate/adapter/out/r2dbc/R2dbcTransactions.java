package nl.mandaat.mandate.adapter.out.r2dbc;

import nl.mandaat.mandate.application.port.Transactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Component
class R2dbcTransactions implements Transactions {

  /** The key of the transaction-level advisory lock every register write takes. */
  static final long WRITE_LOCK = 0x6d616e64616174L;

  private final DatabaseClient database;
  private final TransactionalOperator operator;

  R2dbcTransactions(DatabaseClient database, ReactiveTransactionManager transactions) {
    this.database = database;
    this.operator = TransactionalOperator.create(transactions);
  }

  @Override
  public <T> Mono<T> inWriteLock(Mono<T> work) {
    return database
        .sql("select pg_advisory_xact_lock(:key)")
        .bind("key", WRITE_LOCK)
        .then()
        .then(work)
        .as(operator::transactional);
  }
}
