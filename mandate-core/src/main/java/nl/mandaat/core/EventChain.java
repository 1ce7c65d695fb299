package nl.mandaat.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain every owner's event stream carries (docs/events.md): each event's hash covers the
 * hash before it, so a change to any stored event breaks the chain from there on and the register's
 * history cannot be altered unseen (rule 23, Awb 3:42). One definition for every service that
 * writes or verifies a stream. Stateless and thread-safe.
 */
public final class EventChain {

  /** The previous hash of the first event. */
  public static final String GENESIS = "0".repeat(64);

  /** RFC 3339 UTC with exactly six fraction digits: what PostgreSQL's timestamptz keeps. */
  private static final DateTimeFormatter MOMENT =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
          .appendLiteral('Z')
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private EventChain() {}

  /** A moment as it is stored and hashed: truncated to microseconds. */
  public static Instant storable(Instant moment) {
    return moment.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The moment as it appears in the hash and on the wire, e.g. {@code 2026-11-28T10:15:30.123456Z}.
   */
  public static String format(Instant moment) {
    return MOMENT.format(storable(moment));
  }

  /** {@link #hash(String, long, String, String, String, String)} with the moment formatted. */
  public static String hash(
      String prevHash,
      long sequence,
      String type,
      Instant recordedAt,
      String actor,
      String payload) {
    return hash(prevHash, sequence, type, format(recordedAt), actor, payload);
  }

  /**
   * Lowercase hex SHA-256 of {@code prevHash + "\n" + sequence + "\n" + type + "\n" + recordedAt +
   * "\n" + actor + "\n" + payload}, where {@code recordedAt} and {@code payload} are the exact
   * stored texts.
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
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
