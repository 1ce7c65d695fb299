package nl.mandaat.support.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.mandaat.core.Consent;
import nl.mandaat.core.Window;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event payloads as docs/events.md has them: the field names of the mandate-core records, dates as
 * ISO {@code YYYY-MM-DD}, amounts as JSON numbers, absent values left out. Thread-safe.
 */
public final class PayloadJson {

  @JsonIgnoreProperties({"valid"})
  private interface WindowFields {}

  @JsonIgnoreProperties({"complete"})
  private interface ConsentFields {}

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion ->
                  inclusion
                      .withValueInclusion(JsonInclude.Include.NON_NULL)
                      .withContentInclusion(JsonInclude.Include.NON_NULL))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addMixIn(Window.class, WindowFields.class)
          .addMixIn(Consent.class, ConsentFields.class)
          .build();

  private PayloadJson() {}

  /** The payload text of a record or map. */
  public static String write(Object payload) {
    return MAPPER.writeValueAsString(payload);
  }

  /** The record {@code type} a payload describes. */
  public static <T> T read(String payload, Class<T> type) {
    return MAPPER.readValue(payload, type);
  }

  /** A payload as a tree. */
  public static JsonNode tree(String payload) {
    return MAPPER.readTree(payload);
  }

  /** A tree's field as the record {@code type}. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.treeToValue(node, type);
  }
}
