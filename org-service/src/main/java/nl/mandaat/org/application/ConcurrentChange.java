package nl.mandaat.org.application;

/** The record was changed by someone else since the version the caller read; nothing is stored. */
public final class ConcurrentChange extends RuntimeException {

  public ConcurrentChange(String message) {
    super(message, null, false, false);
  }
}
