package nl.mandaat.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable hash map without removal (a hash array mapped trie, as in Clojure's hash map):
 * {@link #put} copies only the path to one key. Thread-safe; null keys and values are refused. The
 * map views the register hands out are {@link PersistentMap}s built on it.
 */
final class PersistentHashTrie<K, V> {

  private static final int BITS = 5;
  private static final PersistentHashTrie<?, ?> EMPTY = new PersistentHashTrie<>(null, 0);

  private final Node root;
  private final int size;

  private PersistentHashTrie(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentHashTrie<K, V> empty() {
    return (PersistentHashTrie<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(Object key) {
    if (root == null || key == null) {
      return null;
    }
    return (V) root.find(0, hash(key), key);
  }

  /** This map with {@code key} bound to {@code value}; this very map when nothing changes. */
  PersistentHashTrie<K, V> put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    boolean[] added = new boolean[1];
    Node start = root == null ? BitmapNode.EMPTY : root;
    Node next = start.assoc(0, hash(key), key, value, added);
    if (next == root) {
      return this;
    }
    return new PersistentHashTrie<>(next, added[0] ? size + 1 : size);
  }

  private static int hash(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  private interface Node {
    Object find(int shift, int hash, Object key);

    Node assoc(int shift, int hash, Object key, Object value, boolean[] added);
  }

  /** Up to 32 slots, present ones packed: key and value, or null and a sub-node. */
  private static final class BitmapNode implements Node {
    static final BitmapNode EMPTY = new BitmapNode(0, new Object[0]);

    private final int bitmap;
    private final Object[] array;

    BitmapNode(int bitmap, Object[] array) {
      this.bitmap = bitmap;
      this.array = array;
    }

    private int index(int bit) {
      return Integer.bitCount(bitmap & (bit - 1));
    }

    @Override
    public Object find(int shift, int hash, Object key) {
      int bit = 1 << ((hash >>> shift) & 31);
      if ((bitmap & bit) == 0) {
        return null;
      }
      int i = 2 * index(bit);
      Object k = array[i];
      Object v = array[i + 1];
      if (k == null) {
        return ((Node) v).find(shift + BITS, hash, key);
      }
      return key.equals(k) ? v : null;
    }

    @Override
    public Node assoc(int shift, int hash, Object key, Object value, boolean[] added) {
      int bit = 1 << ((hash >>> shift) & 31);
      int i = 2 * index(bit);
      if ((bitmap & bit) != 0) {
        Object k = array[i];
        Object v = array[i + 1];
        if (k == null) {
          Node n = ((Node) v).assoc(shift + BITS, hash, key, value, added);
          return n == v ? this : copyWith(i + 1, n);
        }
        if (key.equals(k)) {
          return v == value ? this : copyWith(i + 1, value);
        }
        added[0] = true;
        Object[] next = array.clone();
        next[i] = null;
        next[i + 1] = pair(shift + BITS, k, v, hash, key, value);
        return new BitmapNode(bitmap, next);
      }
      added[0] = true;
      Object[] next = new Object[array.length + 2];
      System.arraycopy(array, 0, next, 0, i);
      next[i] = key;
      next[i + 1] = value;
      System.arraycopy(array, i, next, i + 2, array.length - i);
      return new BitmapNode(bitmap | bit, next);
    }

    private BitmapNode copyWith(int i, Object v) {
      Object[] next = array.clone();
      next[i] = v;
      return new BitmapNode(bitmap, next);
    }

    private static Node pair(int shift, Object k1, Object v1, int h2, Object k2, Object v2) {
      int h1 = hash(k1);
      if (h1 == h2) {
        return new CollisionNode(h1, new Object[] {k1, v1, k2, v2});
      }
      boolean[] ignored = new boolean[1];
      // Two different hashes part at the latest at shift 30, so no shift ever exceeds 30.
      return EMPTY.assoc(shift, h1, k1, v1, ignored).assoc(shift, h2, k2, v2, ignored);
    }
  }

  /** Keys whose whole hashes are equal. */
  private static final class CollisionNode implements Node {
    private final int hash;
    private final Object[] array;

    CollisionNode(int hash, Object[] array) {
      this.hash = hash;
      this.array = array;
    }

    @Override
    public Object find(int shift, int hash, Object key) {
      if (hash != this.hash) {
        return null;
      }
      for (int i = 0; i < array.length; i += 2) {
        if (key.equals(array[i])) {
          return array[i + 1];
        }
      }
      return null;
    }

    @Override
    public Node assoc(int shift, int hash, Object key, Object value, boolean[] added) {
      if (hash == this.hash) {
        for (int i = 0; i < array.length; i += 2) {
          if (key.equals(array[i])) {
            if (array[i + 1] == value) {
              return this;
            }
            Object[] next = array.clone();
            next[i + 1] = value;
            return new CollisionNode(hash, next);
          }
        }
        added[0] = true;
        Object[] next = Arrays.copyOf(array, array.length + 2);
        next[array.length] = key;
        next[array.length + 1] = value;
        return new CollisionNode(hash, next);
      }
      Node wrapped = new BitmapNode(1 << ((this.hash >>> shift) & 31), new Object[] {null, this});
      return wrapped.assoc(shift, hash, key, value, added);
    }
  }
}
