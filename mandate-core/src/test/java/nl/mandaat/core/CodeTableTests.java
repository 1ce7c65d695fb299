package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.mandaat.core.demo.GeneratedRegister;
import org.junit.jupiter.api.Test;

/** The code-keyed table behind the evaluator's lookups of types, units, positions and persons. */
class CodeTableTests {

  @Test
  void anEmptyTableFindsNothing() {
    CodeTable<Integer> t = new CodeTable<>(Map.of());
    assertThat(t.get("x")).isNull();
    assertThat(t.get("")).isNull();
  }

  @Test
  void answersAsTheMapItWasBuiltFromForTheSameStringsEqualCopiesAndAbsentCodes() {
    Random random = new Random(20261128);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(round < 20 ? 4 : 3000);
      Map<String, Integer> map = new HashMap<>();
      for (int i = 0; i < n; i++) {
        // Short codes from a small alphabet, so that hashes collide and probes run on.
        map.put(code(random), i);
      }
      CodeTable<Integer> t = new CodeTable<>(map);
      assertThat(t.size()).isEqualTo(map.size());
      for (Map.Entry<String, Integer> e : map.entrySet()) {
        String copy = new String(e.getKey().toCharArray());
        assertThat(t.get(e.getKey(), e.getKey().hashCode())).isSameAs(e.getValue());
        assertThat(t.get(copy, copy.hashCode())).isSameAs(e.getValue());
        assertThat(packedGet(t, copy)).isSameAs(e.getValue());
      }
      for (int i = 0; i < 200; i++) {
        String probe = code(random);
        assertThat(t.get(probe)).isEqualTo(map.get(probe));
        assertThat(packedGet(t, probe)).isEqualTo(map.get(probe));
      }
    }
  }

  @Test
  void aQuestionNamingItsCodesByCopiesGetsTheSameAnswer() {
    GeneratedRegisterFixtures.forEachSeed(
        5,
        seed -> {
          GeneratedRegister generated = GeneratedRegisterFixtures.small(seed);
          RegisterSnapshot snapshot = RegisterSnapshot.of(generated.register());
          for (Question q : generated.questions(500, seed)) {
            Question copy =
                q.toBuilder()
                    .subject(new Subject(q.subject().kind(), copy(q.subject().code())))
                    .decisionType(copy(q.decisionType()))
                    .orgUnit(q.orgUnit() == null ? null : copy(q.orgUnit()))
                    .build();
            assertThat(snapshot.evaluate(copy).toString())
                .as(q.toString())
                .isEqualTo(snapshot.evaluate(q).toString());
          }
        });
  }

  /** As the evaluator asks: by the code's hash and {@link PackedCode}. */
  private static Integer packedGet(CodeTable<Integer> t, String code) {
    return t.get(code, code.hashCode(), PackedCode.low(code), PackedCode.high(code));
  }

  private static String copy(String s) {
    return new String(s.toCharArray());
  }

  private static String code(Random random) {
    List<String> parts = List.of("a", "b", "c", "P", "u", "-", "\0", "ĳ");
    StringBuilder s = new StringBuilder();
    // Mostly short codes; some longer than a PackedCode holds, compared as strings.
    for (int i = random.nextInt(random.nextInt(8) == 0 ? 20 : 5); i >= 0; i--) {
      s.append(parts.get(random.nextInt(parts.size())));
    }
    return s.toString();
  }
}
