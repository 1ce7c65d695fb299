package nl.mandaat.gateway.adapter.in.gateway;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the one value a mandate route needs from a JSON body, in a single pass over its tokens and
 * without building a tree.
 *
 * <p>The whole body is still checked to be one JSON document, and a repeated member name anywhere
 * is refused (RFC 7493, I-JSON, section 2.3): with {@code {"amount": 1, "amount": 900000}} the
 * gateway and the application behind it could read different amounts, and the check would be made
 * on the wrong one.
 */
final class BodyValue {

  /** A body that is not exactly one JSON document without repeated names. */
  static final class NotJson extends RuntimeException {
    NotJson(String message) {
      super(message, null, false, false);
    }
  }

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private BodyValue() {}

  /**
   * The scalar at {@code pointer} as text (a number as written, a string's content), or null when
   * there is none there: absent, JSON {@code null}, an object or an array.
   *
   * @throws NotJson when {@code body} is not one JSON document, or repeats a name
   */
  static String at(byte[] body, JsonPointer pointer, int segments) {
    String value = null;
    int roots = 0;
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        TokenStreamContext context = parser.streamReadContext();
        if (token.isStructStart()) {
          if (context.getParent().inRoot()) {
            roots++;
          }
        } else if (token.isScalarValue()) {
          if (context.inRoot()) {
            roots++;
          }
          if (value == null
              && token != JsonToken.VALUE_NULL
              && context.getNestingDepth() == segments
              && context.pathAsPointer().equals(pointer)) {
            value = parser.getString();
          }
        }
        if (roots > 1) {
          throw new NotJson("The body holds more than one JSON value.");
        }
      }
    } catch (JacksonException e) {
      throw new NotJson(e.getOriginalMessage());
    }
    if (roots == 0) {
      throw new NotJson("The body holds no JSON value.");
    }
    return value;
  }

  /** How many reference tokens {@code pointer} has: {@code /a/0/b} has three. */
  static int segments(String pointer) {
    int count = 0;
    for (int i = 0; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '/') {
        count++;
      }
    }
    return count;
  }
}
