package nl.mandaat.keycloak;

/** Keycloak could not be downloaded, unpacked or started; the message says what to do. */
public final class KeycloakException extends RuntimeException {

  public KeycloakException(String message) {
    super(message);
  }

  public KeycloakException(String message, Throwable cause) {
    super(message, cause);
  }
}
