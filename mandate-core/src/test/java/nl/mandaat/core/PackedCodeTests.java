package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two codes that fit pack to the same longs exactly when they are equal; others never fit. */
class PackedCodeTests {

  @Test
  void fittingCodesPackEquallyExactlyWhenTheyAreEqual() {
    List<String> codes = new ArrayList<>(List.of("", "a", "a\0", "\0", "ab", "ba", "wi", "u12345"));
    codes.add("123456789012345"); // 15 characters, the most that fit
    codes.add("123456789012344");
    codes.add("12345678");
    codes.add("12345678\0");
    codes.add("ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ"); // U+00FF, the highest that fits
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      char[] chars = new char[random.nextInt(PackedCode.MAX_LENGTH + 1)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) random.nextInt(random.nextBoolean() ? 4 : 0x100);
      }
      codes.add(new String(chars));
    }
    for (String a : codes) {
      assertThat(PackedCode.high(a)).as(a).isNotEqualTo(PackedCode.DOES_NOT_FIT);
      for (String b : codes) {
        boolean samePack =
            PackedCode.low(a) == PackedCode.low(new String(b))
                && PackedCode.high(a) == PackedCode.high(new String(b));
        assertThat(samePack).as("%s / %s", a, b).isEqualTo(a.equals(b));
      }
    }
  }

  @Test
  void longerCodesAndCodesBeyondLatin1DoNotFit() {
    for (String code :
        new String[] {"1234567890123456", "afdelingshoofd-vergunningen", "ĳ", "wi€", null}) {
      assertThat(PackedCode.high(code)).as(code).isEqualTo(PackedCode.DOES_NOT_FIT);
    }
  }

  @Test
  void aLongUnitOrSubjectIsStillFoundByItsString() {
    // Codes longer than 15 characters are compared as strings: the demo's own position codes.
    Register r = DemoFixtures.REGISTER;
    RegisterSnapshot s = RegisterSnapshot.of(r);
    int answered = 0;
    for (Position p : r.positions().values()) {
      for (Grant g : r.grants().values()) {
        if (!g.holder().equals(p.code()) || PackedCode.high(p.code()) != PackedCode.DOES_NOT_FIT) {
          continue;
        }
        for (String type : g.decisionTypes()) {
          Question q =
              Question.builder()
                  .position(new String(p.code()))
                  .decisionType(type)
                  .orgUnit(new String(p.unitCode()))
                  .at(DemoFixtures.MID_2026)
                  .build();
          Evaluation shortcut = s.ownGrantPermit(q);
          if (shortcut != null) {
            answered++;
            assertThat(shortcut.chain()).isEqualTo(s.evaluate(q, false).chain());
          }
        }
      }
    }
    assertThat(answered).isPositive();
  }
}
