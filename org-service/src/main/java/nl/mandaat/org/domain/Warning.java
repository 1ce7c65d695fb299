package nl.mandaat.org.domain;

import java.util.Objects;

/**
 * A guideline a change does not follow: the change is stored, the caller is told.
 *
 * @param code a stable code, e.g. {@code SMALL_AFDELING}
 * @param message a sentence in English
 */
public record Warning(String code, String message) {

  /** A teammanager under an afdeling of 25 staff or fewer (the charter: 25-30). */
  public static final String SMALL_AFDELING = "SMALL_AFDELING";

  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
