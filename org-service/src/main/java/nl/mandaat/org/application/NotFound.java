package nl.mandaat.org.application;

/** What a request names is not in the register. */
public final class NotFound extends RuntimeException {

  private final String code;

  public NotFound(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The problem code, e.g. {@code UNKNOWN_POSITION}. */
  public String code() {
    return code;
  }
}
