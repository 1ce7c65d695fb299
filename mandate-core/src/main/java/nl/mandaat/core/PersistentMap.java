package nl.mandaat.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An immutable map that iterates in insertion order (a replaced key keeps its place, as in {@link
 * java.util.LinkedHashMap}), where {@link #plus} costs O(log n) and shares everything else with the
 * map before. Thread-safe; the {@link Map} mutators throw {@link UnsupportedOperationException}.
 */
final class PersistentMap<K, V> extends AbstractMap<K, V> {

  /** An entry that knows its place in the order. */
  private static final class Slot<K, V> extends AbstractMap.SimpleImmutableEntry<K, V> {
    private static final long serialVersionUID = 1L;
    final int position;

    Slot(int position, K key, V value) {
      super(key, value);
      this.position = position;
    }
  }

  private static final PersistentMap<?, ?> EMPTY =
      new PersistentMap<>(PersistentHashTrie.empty(), PersistentVector.empty());

  private final PersistentHashTrie<K, Slot<K, V>> index;
  private final PersistentVector<Slot<K, V>> order;

  private PersistentMap(
      PersistentHashTrie<K, Slot<K, V>> index, PersistentVector<Slot<K, V>> order) {
    this.index = index;
    this.order = order;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  /** This map with {@code key} bound to {@code value}. */
  PersistentMap<K, V> plus(K key, V value) {
    Slot<K, V> old = index.get(key);
    if (old != null) {
      if (old.getValue() == value) {
        return this;
      }
      Slot<K, V> slot = new Slot<>(old.position, key, value);
      return new PersistentMap<>(index.put(key, slot), order.with(old.position, slot));
    }
    Slot<K, V> slot = new Slot<>(order.size(), key, value);
    return new PersistentMap<>(index.put(key, slot), order.plus(slot));
  }

  @Override
  public V get(Object key) {
    Slot<K, V> slot = index.get(key);
    return slot == null ? null : slot.getValue();
  }

  @Override
  public boolean containsKey(Object key) {
    return index.get(key) != null;
  }

  @Override
  public int size() {
    return order.size();
  }

  @Override
  public boolean isEmpty() {
    return order.isEmpty();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        Iterator<Slot<K, V>> slots = order.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return slots.hasNext();
          }

          @Override
          public Entry<K, V> next() {
            return slots.next();
          }
        };
      }

      @Override
      public int size() {
        return order.size();
      }
    };
  }
}
