package nl.mandaat.org.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash chain of docs/events.md. Stateless and thread-safe. */
public final class EventChain {

  /** The {@code prevHash} of the first event. */
  public static final String GENESIS = "0".repeat(64);

  private EventChain() {}

  /**
   * Lowercase hex SHA-256 of {@code prevHash + "\n" + sequence + "\n" + type + "\n" + recordedAt +
   * "\n" + actor + "\n" + payload}.
   */
  public static String hash(
      String prevHash,
      long sequence,
      String type,
      String recordedAt,
      String actor,
      String payload) {
    String text =
        prevHash
            + "\n"
            + sequence
            + "\n"
            + type
            + "\n"
            + recordedAt
            + "\n"
            + actor
            + "\n"
            + payload;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
