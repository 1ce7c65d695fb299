package nl.mandaat.gateway.edge;

import java.util.Collection;
import java.util.Optional;

/**
 * The rule for a request path at the gateway: one spelling per resource, so what a route's check
 * sees is what its upstream gets.
 *
 * <p>Rejected (never reaching a route): dot segments ({@code .}, {@code ..}); a percent-encoded
 * slash, backslash, percent or dot, or any encoded unreserved character ({@code %61pi} for {@code
 * api}); a raw backslash; matrix parameters ({@code ;}); control characters; malformed
 * percent-encoding; and a known prefix spelled in another case ({@code /API/v1}). Normalised
 * instead: repeated slashes become one and a trailing slash goes, since neither can change what a
 * prefix check sees.
 *
 * <p>Immutable and thread-safe.
 */
public final class CanonicalPath {

  /** Why a path was refused; the problem's {@code reason}. */
  public enum Reason {
    DOT_SEGMENT,
    ENCODED_SEPARATOR,
    ENCODED_UNRESERVED,
    MALFORMED_ENCODING,
    BACKSLASH,
    MATRIX_PARAMETER,
    CONTROL_CHARACTER,
    CASE_VARIANT
  }

  /**
   * The rule's answer: the canonical path, or the reason there is none.
   *
   * @param canonical the path to match and forward, when accepted
   * @param refused the reason, when refused
   */
  public record Verdict(Optional<String> canonical, Optional<Reason> refused) {

    static Verdict accept(String path) {
      return new Verdict(Optional.of(path), Optional.empty());
    }

    static Verdict refuse(Reason reason) {
      return new Verdict(Optional.empty(), Optional.of(reason));
    }

    public boolean accepted() {
      return canonical.isPresent();
    }
  }

  private CanonicalPath() {}

  /**
   * Checks a raw (still percent-encoded) path against the rule.
   *
   * @param rawPath the path as it came on the request line, without the query
   * @param prefixes the known prefixes in their one spelling, e.g. {@code /api/v1/org}
   */
  public static Verdict check(String rawPath, Collection<String> prefixes) {
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Verdict.refuse(Reason.CONTROL_CHARACTER);
      }
      if (c == '\\') {
        return Verdict.refuse(Reason.BACKSLASH);
      }
      if (c == ';') {
        return Verdict.refuse(Reason.MATRIX_PARAMETER);
      }
      if (c == '%') {
        if (i + 2 >= rawPath.length()
            || hex(rawPath.charAt(i + 1)) < 0
            || hex(rawPath.charAt(i + 2)) < 0) {
          return Verdict.refuse(Reason.MALFORMED_ENCODING);
        }
        char decoded = (char) (hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
        if (decoded == '/' || decoded == '\\' || decoded == '%' || decoded == ';') {
          return Verdict.refuse(Reason.ENCODED_SEPARATOR);
        }
        if (decoded < 0x20 || decoded == 0x7f) {
          return Verdict.refuse(Reason.CONTROL_CHARACTER);
        }
        if (unreserved(decoded)) {
          return Verdict.refuse(Reason.ENCODED_UNRESERVED);
        }
        i += 2;
      }
    }
    String collapsed = collapse(rawPath);
    for (String segment : collapsed.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return Verdict.refuse(Reason.DOT_SEGMENT);
      }
    }
    for (String prefix : prefixes) {
      if (caseVariant(collapsed, prefix)) {
        return Verdict.refuse(Reason.CASE_VARIANT);
      }
    }
    return Verdict.accept(collapsed);
  }

  // One slash between segments, none at the end (except the root itself).
  private static String collapse(String path) {
    StringBuilder out = new StringBuilder(path.length() + 1);
    out.append('/');
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        if (out.length() > 1) {
          out.append('/');
        }
        out.append(segment);
      }
    }
    return out.toString();
  }

  private static boolean caseVariant(String path, String prefix) {
    if (prefix.isEmpty() || path.length() < prefix.length()) {
      return false;
    }
    boolean boundary = path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
    return boundary
        && path.regionMatches(true, 0, prefix, 0, prefix.length())
        && !path.startsWith(prefix);
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
