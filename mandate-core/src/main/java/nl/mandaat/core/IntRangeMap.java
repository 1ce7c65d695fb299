package nl.mandaat.core;

/**
 * An immutable open-addressing map from a non-negative int key to a range {@code [start, end)} of
 * rows, packed in one long: a lookup is one or two reads of one primitive array, with no boxing, no
 * node objects and no allocation. Built once per snapshot; thread-safe once built.
 */
final class IntRangeMap {
  /** The range of a key that is absent: empty, {@code start == end == 0}. */
  static final long ABSENT = 0L;

  static final IntRangeMap EMPTY = new IntRangeMap(new int[0], new int[0], new int[0]);

  /** Pairs of longs: the key plus one (0 marks a free slot), then start << 32 | end. */
  private final long[] slots;

  private final int mask;
  private final int size;

  /**
   * Maps {@code keys[i]} to {@code [starts[i], ends[i])}.
   *
   * @throws IllegalArgumentException when a key is negative or repeated, or a range is inverted
   */
  IntRangeMap(int[] keys, int[] starts, int[] ends) {
    if (keys.length != starts.length || keys.length != ends.length) {
      throw new IllegalArgumentException("keys, starts and ends differ in length");
    }
    // At most half full, so a probe for an absent key ends soon.
    int capacity = Integer.highestOneBit(Math.max(1, keys.length)) << 2;
    this.mask = capacity - 1;
    this.slots = new long[2 * capacity];
    this.size = keys.length;
    for (int k = 0; k < keys.length; k++) {
      int key = keys[k];
      if (key < 0) {
        throw new IllegalArgumentException("negative key " + key);
      }
      if (starts[k] < 0 || ends[k] < starts[k]) {
        throw new IllegalArgumentException("bad range [" + starts[k] + ", " + ends[k] + ")");
      }
      int i = slot(key);
      while (slots[2 * i] != 0) {
        if (slots[2 * i] == key + 1L) {
          throw new IllegalArgumentException("repeated key " + key);
        }
        i = (i + 1) & mask;
      }
      slots[2 * i] = key + 1L;
      slots[2 * i + 1] = range(starts[k], ends[k]);
    }
  }

  /** The range of {@code key}, {@link #ABSENT} when the key is absent or negative. */
  long get(int key) {
    if (key < 0) {
      return ABSENT;
    }
    long wanted = key + 1L;
    int i = slot(key);
    while (true) {
      long k = slots[2 * i];
      if (k == wanted) {
        return slots[2 * i + 1];
      }
      if (k == 0) {
        return ABSENT;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  static long range(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFF_FFFFL);
  }

  static int start(long range) {
    return (int) (range >>> 32);
  }

  static int end(long range) {
    return (int) range;
  }

  private int slot(int key) {
    int h = key * 0x9E37_79B9;
    return (h ^ (h >>> 16)) & mask;
  }

  @Override
  public String toString() {
    return "IntRangeMap[size=" + size + ", capacity=" + (mask + 1) + "]";
  }

  /** For tests: how many slots the table holds (a power of two, at least twice the size). */
  int capacity() {
    return slots.length / 2;
  }
}
