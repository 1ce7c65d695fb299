package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import nl.mandaat.core.Compiled.TinIndex;
import org.junit.jupiter.api.Test;

class TinIndexTests {

  /** The first index whose value is at least {@code tin}, by looking at every one. */
  private static int firstAtLeast(int[] ascending, int tin) {
    int i = 0;
    while (i < ascending.length && ascending[i] < tin) {
      i++;
    }
    return i;
  }

  @Test
  void anEmptyIndexHasNothingAtLeastAnyTin() {
    assertThat(TinIndex.EMPTY.lowerBound(0)).isZero();
    assertThat(TinIndex.EMPTY.lowerBound(1_000)).isZero();
  }

  @Test
  void tinsAtAndAroundTheEdgesOfARunAreFound() {
    int[] tins = {0, 0, 63, 64, 64, 65, 127, 128, 300, 300, 300, 1_000};
    TinIndex index = new TinIndex(tins);
    for (int tin = 0; tin <= 1_100; tin++) {
      assertThat(index.lowerBound(tin)).as("tin %d", tin).isEqualTo(firstAtLeast(tins, tin));
    }
  }

  @Test
  void randomTinsGiveWhatAScanGives() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int[] tins = new int[random.nextInt(300)];
      int spread = 1 + random.nextInt(5_000);
      for (int i = 0; i < tins.length; i++) {
        tins[i] = random.nextInt(spread);
      }
      Arrays.sort(tins);
      TinIndex index = new TinIndex(tins);
      for (int k = 0; k < 100; k++) {
        int tin = random.nextInt(spread + 200);
        assertThat(index.lowerBound(tin)).isEqualTo(firstAtLeast(tins, tin));
        if (tins.length > 0) {
          int i = index.lowerBound(tin);
          assertThat(i == tins.length || index.tin(i) >= tin).isTrue();
        }
      }
    }
  }
}
