package nl.mandaat.launcher;

/**
 * A start-up problem the user can fix. Its message is one line that says what is wrong and how to
 * fix it; the launcher prints it after {@code mandaat: } and exits non-zero.
 */
public final class LaunchException extends RuntimeException {

  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
