package nl.mandaat.core;

/**
 * A short code held in two longs, so that a table can tell whether a question names its key without
 * reading the key's string: in a large register those strings are rarely in the CPU's caches, and a
 * question parsed from a request never names them by the same instance. A code of at most {@link
 * #MAX_LENGTH} characters, each at most U+00FF, fits: {@link #low} holds characters 0 to 7, {@link
 * #high} characters 8 to 14 and the length in its top byte. Two codes that fit are equal exactly
 * when both longs are; a code that does not fit has {@link #high} {@link #DOES_NOT_FIT}, and must
 * be compared as a string.
 */
final class PackedCode {
  static final int MAX_LENGTH = 15;

  /**
   * The high long of a code that does not fit: a length byte of 0xFF, which no fitting code has.
   */
  static final long DOES_NOT_FIT = -1L;

  private PackedCode() {}

  /** Characters 0 to 7 of {@code code}, 8 bits each; 0 when it does not fit. */
  static long low(String code) {
    if (!fits(code)) {
      return 0;
    }
    long packed = 0;
    for (int i = 0; i < Math.min(8, code.length()); i++) {
      packed |= (long) code.charAt(i) << (8 * i);
    }
    return packed;
  }

  /** Characters 8 to 14 of {@code code} and its length; {@link #DOES_NOT_FIT} when it does not. */
  static long high(String code) {
    if (!fits(code)) {
      return DOES_NOT_FIT;
    }
    long packed = (long) code.length() << 56;
    for (int i = 8; i < code.length(); i++) {
      packed |= (long) code.charAt(i) << (8 * (i - 8));
    }
    return packed;
  }

  private static boolean fits(String code) {
    if (code == null || code.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
