package nl.mandaat.mandate.domain;

import java.util.Objects;

/**
 * An event of the outbox with its payload read back as the mandate-core record it describes.
 *
 * @param event the event as stored
 * @param change a {@code DecisionType}, {@code Grant} or {@code Revocation}; null for an event that
 *     changes nothing in the register
 */
public record CommittedChange(RecordedEvent event, Object change) {
  public CommittedChange {
    Objects.requireNonNull(event, "event");
  }
}
