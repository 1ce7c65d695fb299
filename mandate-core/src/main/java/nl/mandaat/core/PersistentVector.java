package nl.mandaat.core;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * An immutable list whose {@link #plus} and {@link #with} copy only the path to one element (a
 * 32-way trie with a tail, as in Clojure's vector), so successive registers share their lists.
 * Thread-safe; null elements are refused.
 */
final class PersistentVector<E> extends AbstractList<E> implements RandomAccess {

  private static final int BITS = 5;
  private static final int WIDTH = 1 << BITS;
  private static final int MASK = WIDTH - 1;
  private static final Object[] EMPTY_NODE = new Object[WIDTH];
  private static final PersistentVector<?> EMPTY =
      new PersistentVector<>(0, BITS, EMPTY_NODE, new Object[0]);

  private final int size;
  private final int shift;
  private final Object[] root;
  private final Object[] tail;

  private PersistentVector(int size, int shift, Object[] root, Object[] tail) {
    this.size = size;
    this.shift = shift;
    this.root = root;
    this.tail = tail;
  }

  @SuppressWarnings("unchecked")
  static <E> PersistentVector<E> empty() {
    return (PersistentVector<E>) EMPTY;
  }

  static <E> PersistentVector<E> of(Iterable<? extends E> elements) {
    PersistentVector<E> v = empty();
    for (E e : elements) {
      v = v.plus(e);
    }
    return v;
  }

  @Override
  public int size() {
    return size;
  }

  private int tailOffset() {
    return size < WIDTH ? 0 : ((size - 1) >>> BITS) << BITS;
  }

  private Object[] leafFor(int i) {
    if (i >= tailOffset()) {
      return tail;
    }
    Object[] node = root;
    for (int level = shift; level > 0; level -= BITS) {
      node = (Object[]) node[(i >>> level) & MASK];
    }
    return node;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return (E) leafFor(index)[index & MASK];
  }

  /** This list with {@code e} appended. */
  PersistentVector<E> plus(E e) {
    if (e == null) {
      throw new NullPointerException("element");
    }
    if (size - tailOffset() < WIDTH) {
      Object[] newTail = Arrays.copyOf(tail, tail.length + 1);
      newTail[tail.length] = e;
      return new PersistentVector<>(size + 1, shift, root, newTail);
    }
    Object[] newRoot;
    int newShift = shift;
    if ((size >>> BITS) > (1 << shift)) {
      newRoot = new Object[WIDTH];
      newRoot[0] = root;
      newRoot[1] = newPath(shift, tail);
      newShift += BITS;
    } else {
      newRoot = pushTail(shift, root, tail);
    }
    return new PersistentVector<>(size + 1, newShift, newRoot, new Object[] {e});
  }

  private Object[] pushTail(int level, Object[] parent, Object[] tailNode) {
    int sub = ((size - 1) >>> level) & MASK;
    Object[] result = parent.clone();
    Object[] insert;
    if (level == BITS) {
      insert = tailNode;
    } else {
      Object[] child = (Object[]) parent[sub];
      insert =
          child != null ? pushTail(level - BITS, child, tailNode) : newPath(level - BITS, tailNode);
    }
    result[sub] = insert;
    return result;
  }

  private static Object[] newPath(int level, Object[] node) {
    if (level == 0) {
      return node;
    }
    Object[] result = new Object[WIDTH];
    result[0] = newPath(level - BITS, node);
    return result;
  }

  /** This list with the element at {@code index} replaced by {@code e}. */
  PersistentVector<E> with(int index, E e) {
    if (e == null) {
      throw new NullPointerException("element");
    }
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    if (index >= tailOffset()) {
      Object[] newTail = tail.clone();
      newTail[index & MASK] = e;
      return new PersistentVector<>(size, shift, root, newTail);
    }
    return new PersistentVector<>(size, shift, assoc(shift, root, index, e), tail);
  }

  private static Object[] assoc(int level, Object[] node, int index, Object e) {
    Object[] result = node.clone();
    if (level == 0) {
      result[index & MASK] = e;
    } else {
      int sub = (index >>> level) & MASK;
      result[sub] = assoc(level - BITS, (Object[]) node[sub], index, e);
    }
    return result;
  }

  @Override
  public Iterator<E> iterator() {
    return new Iterator<>() {
      private int i;
      private Object[] leaf;

      @Override
      public boolean hasNext() {
        return i < size;
      }

      @Override
      @SuppressWarnings("unchecked")
      public E next() {
        if (i >= size) {
          throw new NoSuchElementException();
        }
        if ((i & MASK) == 0 || leaf == null) {
          leaf = leafFor(i);
        }
        return (E) leaf[i++ & MASK];
      }
    };
  }
}
