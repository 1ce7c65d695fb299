package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The int-keyed table of row ranges behind the evaluator's per-unit lookups. */
class IntRangeMapTests {

  private static IntRangeMap of(int... keysStartsEnds) {
    int n = keysStartsEnds.length / 3;
    int[] keys = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = keysStartsEnds[3 * i];
      starts[i] = keysStartsEnds[3 * i + 1];
      ends[i] = keysStartsEnds[3 * i + 2];
    }
    return new IntRangeMap(keys, starts, ends);
  }

  @Test
  void anEmptyMapAnswersAbsentForEveryKey() {
    assertThat(IntRangeMap.EMPTY.get(0)).isEqualTo(IntRangeMap.ABSENT);
    assertThat(IntRangeMap.EMPTY.get(Integer.MAX_VALUE)).isEqualTo(IntRangeMap.ABSENT);
    assertThat(IntRangeMap.start(IntRangeMap.ABSENT)).isZero();
    assertThat(IntRangeMap.end(IntRangeMap.ABSENT)).isZero();
  }

  @Test
  void keyZeroAndTheLargestKeyAreStoredAndTheirNeighboursAreNot() {
    IntRangeMap m = of(0, 0, 3, Integer.MAX_VALUE - 1, 3, 7);
    assertThat(IntRangeMap.start(m.get(0))).isZero();
    assertThat(IntRangeMap.end(m.get(0))).isEqualTo(3);
    assertThat(IntRangeMap.start(m.get(Integer.MAX_VALUE - 1))).isEqualTo(3);
    assertThat(IntRangeMap.end(m.get(Integer.MAX_VALUE - 1))).isEqualTo(7);
    assertThat(m.get(1)).isEqualTo(IntRangeMap.ABSENT);
    assertThat(m.get(Integer.MAX_VALUE)).isEqualTo(IntRangeMap.ABSENT);
    assertThat(m.get(-1)).isEqualTo(IntRangeMap.ABSENT);
  }

  @Test
  void theLargestRangeStartAndEndSurviveThePacking() {
    IntRangeMap m = of(5, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
    assertThat(IntRangeMap.start(m.get(5))).isEqualTo(Integer.MAX_VALUE - 1);
    assertThat(IntRangeMap.end(m.get(5))).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void anEmptyRangeIsStoredButYieldsNoRows() {
    IntRangeMap m = of(9, 4, 4);
    assertThat(IntRangeMap.start(m.get(9))).isEqualTo(4);
    assertThat(IntRangeMap.end(m.get(9))).isEqualTo(4);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> of(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> of(3, 0, 1, 3, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> of(3, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> of(3, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IntRangeMap(new int[1], new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTableIsAtMostHalfFullSoAnAbsentKeyEndsItsProbe() {
    for (int n : new int[] {1, 2, 3, 4, 5, 1023, 1024, 1025}) {
      int[] keys = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = i;
      }
      IntRangeMap m = new IntRangeMap(keys, new int[n], new int[n]);
      assertThat(m.capacity()).as("n=%d", n).isGreaterThanOrEqualTo(2 * n);
      assertThat(Integer.bitCount(m.capacity())).isEqualTo(1);
      assertThat(m.size()).isEqualTo(n);
    }
  }

  @Test
  void agreesWithAHashMapOnRandomKeysThatCollide() {
    Random random = new Random(20261128);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(300);
      Map<Integer, long[]> expected = new HashMap<>();
      // Multiples of a power of two collide in a naive table: the probe must walk past them.
      int stride = 1 << random.nextInt(12);
      while (expected.size() < n) {
        int key = random.nextBoolean() ? random.nextInt(1 << 19) * stride : random.nextInt(1000);
        int start = random.nextInt(1 << 20);
        expected.put(key, new long[] {start, start + random.nextInt(100)});
      }
      int[] keys = new int[n];
      int[] starts = new int[n];
      int[] ends = new int[n];
      int i = 0;
      for (Map.Entry<Integer, long[]> e : expected.entrySet()) {
        keys[i] = e.getKey();
        starts[i] = (int) e.getValue()[0];
        ends[i++] = (int) e.getValue()[1];
      }
      IntRangeMap m = new IntRangeMap(keys, starts, ends);
      for (Map.Entry<Integer, long[]> e : expected.entrySet()) {
        long range = m.get(e.getKey());
        assertThat(IntRangeMap.start(range)).isEqualTo(e.getValue()[0]);
        assertThat(IntRangeMap.end(range)).isEqualTo(e.getValue()[1]);
      }
      for (int probe = 0; probe < 1000; probe++) {
        int key = random.nextInt(1 << 22);
        if (!expected.containsKey(key)) {
          assertThat(m.get(key)).isEqualTo(IntRangeMap.ABSENT);
        }
      }
    }
  }
}
