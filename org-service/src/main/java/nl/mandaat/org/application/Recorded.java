package nl.mandaat.org.application;

import java.util.List;
import java.util.Objects;
import nl.mandaat.org.domain.Warning;

/**
 * The outcome of a stored change.
 *
 * @param value what is now recorded
 * @param revision the sequence of the change's last event: the register's new revision
 * @param warnings guidelines the change does not follow (it is stored nonetheless)
 */
public record Recorded<T>(T value, long revision, List<Warning> warnings) {
  public Recorded {
    Objects.requireNonNull(value, "value");
    warnings = List.copyOf(warnings);
  }
}
