package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The register's persistent list and maps against java.util's, and their old versions kept. */
class PersistentStructuresTests {

  /** A key whose hash the test chooses, to force collisions and deep tries. */
  private record Key(int hash, int id) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Test
  void theVectorAgreesWithAnArrayListAcrossEveryTrieLevelAndKeepsEachOldVersion() {
    Random random = new Random(5);
    PersistentVector<Integer> v = PersistentVector.empty();
    List<Integer> expected = new ArrayList<>();
    List<PersistentVector<Integer>> versions = new ArrayList<>();
    List<List<Integer>> expectedVersions = new ArrayList<>();
    // 32 (the tail), 32 * 32 + 32 (one level), 32^3 + 32 (two levels) and a little beyond.
    for (int i = 0; i < 33_000; i++) {
      v = v.plus(i);
      expected.add(i);
      if (random.nextInt(50) == 0) {
        int at = random.nextInt(expected.size());
        v = v.with(at, -i);
        expected.set(at, -i);
      }
      if (i == 31 || i == 32 || i == 1055 || i == 1056 || i == 32_799 || i == 32_800) {
        versions.add(v);
        expectedVersions.add(List.copyOf(expected));
      }
    }
    assertThat(v).containsExactlyElementsOf(expected);
    for (int i = 0; i < expected.size(); i += 97) {
      assertThat(v.get(i)).isEqualTo(expected.get(i));
    }
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).containsExactlyElementsOf(expectedVersions.get(i));
    }
    assertThat(v).isEqualTo(expected);
    PersistentVector<Integer> last = v;
    assertThatThrownBy(() -> last.get(expected.size()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theTrieAgreesWithAHashMapWhenHashesCollideWhollyOrInPart() {
    Random random = new Random(7);
    PersistentHashTrie<Key, Integer> trie = PersistentHashTrie.empty();
    Map<Key, Integer> expected = new HashMap<>();
    PersistentHashTrie<Key, Integer> half = null;
    Map<Key, Integer> expectedHalf = null;
    for (int i = 0; i < 20_000; i++) {
      // Few distinct hashes, many sharing low bits: whole collisions and long shared prefixes.
      int hash = random.nextBoolean() ? random.nextInt(64) << 26 : random.nextInt();
      Key key =
          random.nextInt(4) == 0 && !expected.isEmpty() ? any(expected, random) : new Key(hash, i);
      trie = trie.put(key, i);
      expected.put(key, i);
      if (i == 10_000) {
        half = trie;
        expectedHalf = new HashMap<>(expected);
      }
    }
    assertThat(trie.size()).isEqualTo(expected.size());
    for (Map.Entry<Key, Integer> e : expected.entrySet()) {
      assertThat(trie.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(trie.get(new Key(0, -1))).isNull();
    assertThat(half.size()).isEqualTo(expectedHalf.size());
    for (Map.Entry<Key, Integer> e : expectedHalf.entrySet()) {
      assertThat(half.get(e.getKey())).isEqualTo(e.getValue());
    }
  }

  private static Key any(Map<Key, Integer> map, Random random) {
    int skip = random.nextInt(Math.min(map.size(), 50));
    return map.keySet().stream().skip(skip).findFirst().orElseThrow();
  }

  @Test
  void theMapIteratesInInsertionOrderAndAReplacedKeyKeepsItsPlaceAsInALinkedHashMap() {
    Random random = new Random(11);
    PersistentMap<String, Integer> map = PersistentMap.empty();
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      String key = "k" + random.nextInt(3_000);
      map = map.plus(key, i);
      expected.put(key, i);
    }
    assertThat(map).isEqualTo(expected);
    assertThat(List.copyOf(map.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    assertThat(List.copyOf(map.values())).isEqualTo(List.copyOf(expected.values()));
    assertThat(map.containsKey("k1")).isEqualTo(expected.containsKey("k1"));
    assertThat(map.get("nope")).isNull();
    PersistentMap<String, Integer> before = map;
    PersistentMap<String, Integer> after = map.plus("new", 1);
    assertThat(before).isEqualTo(expected).doesNotContainKey("new");
    assertThat(after).hasSize(expected.size() + 1).containsEntry("new", 1);
    assertThatThrownBy(() -> before.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
