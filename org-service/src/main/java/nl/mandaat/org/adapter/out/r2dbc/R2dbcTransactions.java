package nl.mandaat.org.adapter.out.r2dbc;

import nl.mandaat.org.application.port.Transactions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

@Component
class R2dbcTransactions implements Transactions {

  private final TransactionalOperator writes;
  private final TransactionalOperator consistentReads;

  R2dbcTransactions(ReactiveTransactionManager transactions) {
    this.writes = TransactionalOperator.create(transactions);
    DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
    this.consistentReads = TransactionalOperator.create(transactions, snapshot);
  }

  @Override
  public <T> Mono<T> write(Mono<T> work) {
    return work.as(writes::transactional);
  }

  @Override
  public <T> Mono<T> consistentRead(Mono<T> work) {
    return work.as(consistentReads::transactional);
  }
}
