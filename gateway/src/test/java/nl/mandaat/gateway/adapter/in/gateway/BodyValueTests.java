package nl.mandaat.gateway.adapter.in.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonPointer;

class BodyValueTests {

  private static String at(String body, String pointer) {
    return BodyValue.at(
        body.getBytes(StandardCharsets.UTF_8),
        JsonPointer.compile(pointer),
        BodyValue.segments(pointer));
  }

  @ParameterizedTest(name = "{1} in {0} is {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "{\"amount\":25000}|/amount|25000",
        "{\"amount\":100.50}|/amount|100.50",
        "{\"amount\":\"99.95\"}|/amount|99.95",
        "{\"a\":{\"amount\":7},\"amount\":8}|/amount|8",
        "{\"amount\":8,\"a\":{\"amount\":7}}|/a/amount|7",
        "{\"items\":[{\"amount\":1},{\"amount\":2}]}|/items/1/amount|2",
        "{\"items\":[5,6,7]}|/items/2|7",
        "{\"a/b\":3,\"m~n\":4}|/a~1b|3",
        "{\"a/b\":3,\"m~n\":4}|/m~0n|4",
        "{\"unit\":\"vergunningen\"}|/unit|vergunningen",
        "{\"amount\":true}|/amount|true",
        "42|''|42",
        "{\"amount\":null}|/amount|NONE",
        "{\"amount\":{\"value\":1}}|/amount|NONE",
        "{\"amount\":[1]}|/amount|NONE",
        "{\"other\":1}|/amount|NONE",
        "{\"a\":{\"b\":1}}|/a/b/c|NONE",
        "[1,2]|/amount|NONE"
      })
  void findsTheScalarAtThePointerOrNothing(String body, String pointer, String expected) {
    assertThat(at(body, pointer)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"amount\":100,\"amount\":900000}",
        "{\"a\":{\"x\":1,\"x\":2},\"amount\":100}",
        "{\"amount\":100} {\"amount\":900000}",
        "{\"amount\":100}}",
        "{\"amount\":100",
        "niet-json",
        "   ",
        "{\"amount\":100,}"
      })
  void refusesWhatIsNotOneJsonDocumentWithoutRepeatedNames(String body) {
    assertThatThrownBy(() -> at(body, "/amount")).isInstanceOf(BodyValue.NotJson.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {63, 70})
  void boundsTheNesting(int depth) {
    String body = "[".repeat(depth) + "]".repeat(depth);
    if (depth <= 64) {
      assertThat(at(body, "/amount")).isNull();
    } else {
      assertThatThrownBy(() -> at(body, "/amount")).isInstanceOf(BodyValue.NotJson.class);
    }
  }
}
