package nl.mandaat.gateway.application.port;

import nl.mandaat.gateway.domain.DecisionRecord;

/** Where answers are recorded for audit; never blocks the caller. */
public interface DecisionLog {

  /** Queues {@code record} for storage. */
  void record(DecisionRecord record);
}
