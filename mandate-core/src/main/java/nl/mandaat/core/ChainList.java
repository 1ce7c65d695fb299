package nl.mandaat.core;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An immutable chain: a shared head plus one link, so an answer need not copy the chain. */
final class ChainList extends AbstractList<ChainLink> implements RandomAccess {
  private final List<ChainLink> head;
  private final ChainLink last;
  private final int size;

  ChainList(List<ChainLink> head, ChainLink last) {
    this.head = head;
    this.last = last;
    this.size = head.size() + 1;
  }

  @Override
  public ChainLink get(int index) {
    if (index == size - 1) {
      return last;
    }
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return head.get(index);
  }

  @Override
  public int size() {
    return size;
  }
}
