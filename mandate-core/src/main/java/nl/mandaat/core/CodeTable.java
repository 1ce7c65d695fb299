package nl.mandaat.core;

import java.util.Map;

/**
 * An immutable open-addressing map from a code to a value, keys and values side by side in one
 * array: a lookup reads one slot (the key reference and its value), where a {@code HashMap} reads
 * the key string (its hash), the table slot and the node. The caller passes the code's hash, which
 * {@link Question} computes once; a key that is the same instance as the one stored is found
 * without touching either string, and a key up to 15 Latin-1 characters by its {@link PackedCode},
 * kept beside it, which a question parsed from a request (never the same instance) needs. Built
 * once per snapshot; thread-safe once built.
 */
final class CodeTable<V> {
  /** Pairs: the key (null marks a free slot), then its value. */
  private final Object[] slots;

  /**
   * Per slot the key's {@link PackedCode}: low, then high; a free slot's high is {@link
   * PackedCode#DOES_NOT_FIT}, which no packed question code has, so a probe reads only this array.
   */
  private final long[] packed;

  private final int mask;
  private final int size;

  /** A table holding {@code map}'s entries; its keys and values must not be null. */
  CodeTable(Map<String, ? extends V> map) {
    // At most a quarter full: a probe mostly reads one slot, and an absent key ends soon.
    int capacity = Integer.highestOneBit(Math.max(1, map.size())) << 2;
    this.mask = capacity - 1;
    this.slots = new Object[2 * capacity];
    this.packed = new long[2 * capacity];
    for (int i = 0; i < capacity; i++) {
      packed[2 * i + 1] = PackedCode.DOES_NOT_FIT;
    }
    this.size = map.size();
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      String key = e.getKey();
      int i = slot(key.hashCode());
      while (slots[2 * i] != null) {
        i = (i + 1) & mask;
      }
      slots[2 * i] = key;
      slots[2 * i + 1] = e.getValue();
      packed[2 * i] = PackedCode.low(key);
      packed[2 * i + 1] = PackedCode.high(key);
    }
  }

  /** The value of {@code code}, null when absent; {@code hash} must be {@code code.hashCode()}. */
  @SuppressWarnings("unchecked")
  V get(String code, int hash) {
    int start = slot(hash);
    // The usual case first: the question names the code by the register's own string.
    for (int i = start; ; i = (i + 1) & mask) {
      Object k = slots[2 * i];
      if (k == code) {
        return (V) slots[2 * i + 1];
      }
      if (k == null) {
        break;
      }
    }
    for (int i = start; ; i = (i + 1) & mask) {
      Object k = slots[2 * i];
      if (k == null) {
        return null;
      }
      if (k.equals(code)) {
        return (V) slots[2 * i + 1];
      }
    }
  }

  /**
   * The value of {@code code}, null when absent; {@code hash} must be {@code code.hashCode()},
   * {@code low} and {@code high} its {@link PackedCode}.
   */
  @SuppressWarnings("unchecked")
  V get(String code, int hash, long low, long high) {
    if (high == PackedCode.DOES_NOT_FIT) {
      return get(code, hash);
    }
    for (int i = slot(hash); ; i = (i + 1) & mask) {
      long h = packed[2 * i + 1];
      if (h == high && packed[2 * i] == low) {
        return (V) slots[2 * i + 1];
      }
      if (h == PackedCode.DOES_NOT_FIT && slots[2 * i] == null) {
        return null;
      }
    }
  }

  V get(String code) {
    return get(code, code.hashCode());
  }

  int size() {
    return size;
  }

  private int slot(int hash) {
    int h = hash * 0x9E37_79B9;
    return (h ^ (h >>> 16)) & mask;
  }

  @Override
  public String toString() {
    return "CodeTable[size=" + size + ", capacity=" + (mask + 1) + "]";
  }
}
