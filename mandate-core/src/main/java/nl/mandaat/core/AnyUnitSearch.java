package nl.mandaat.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.mandaat.core.Compiled.Cand;
import nl.mandaat.core.Compiled.Holding;
import nl.mandaat.core.Compiled.Pos;
import nl.mandaat.core.Compiled.TypeInfo;

/**
 * "Who may decide X" in any unit, per decision type: the answer's skeleton resolved once per
 * snapshot, so that a search only filters it by moment and amount and attaches the holders.
 *
 * <p>The scan it replaces walks every grant of the type and, for each one in force, its holder and
 * every position above it (rule 20), listing each position the first time a grant in force reaches
 * it, with that grant's chain. Here every such "offer" (grant, position reached) is kept under its
 * position, in scan order, with the chain already built; offers that can never come first are
 * dropped (an earlier one of the same position holds whenever they do). A search then reads, per
 * position, its offers until one holds: the same first grant, the same chain, the same order.
 *
 * <p>Immutable once built.
 */
final class AnyUnitSearch {
  /** Offer fields, flat: what the filter compares. */
  private static final int STRIDE = 5;

  private static final int RECORDED = 0;
  private static final int REVOKED = 1;
  private static final int FROM_DAY = 2;
  private static final int TO_DAY = 3;
  private static final int CEILING = 4;

  /** Sorted deepest first; among equals, by their first offer's place in the scan. */
  private final Pos[] positions;

  /** Position i's offers are [offerStart[i], offerStart[i + 1]). */
  private final int[] offerStart;

  private final long[] offers;

  /** The offer's place in the scan: the order among positions of one depth. */
  private final int[] scanIndex;

  /** Index into {@link #bodies} of the body whose power the grant exercises; -1: none to check. */
  private final int[] bodyOf;

  /**
   * Per offer, the answer when its position's holders are the usual ones (every assignment in
   * force, no substitution): built once, shared (immutable), so a search mostly reads no position
   * at all.
   */
  private final DecisionMaker[] usual;

  /** Per position, flat: depth and lifetime, read for every position a search passes. */
  private final long[] posData;

  private static final int P_STRIDE = 3;
  private static final int P_DEPTH = 0;
  private static final int P_LIFE_FROM = 1;
  private static final int P_LIFE_TO = 2;

  /**
   * Per position, flat: the moments its holders are the usual ones (recorded, from, to), read only
   * for the positions listed: apart from {@link #posData} so a search streams fewer bytes.
   */
  private final long[] usualFrom;

  private static final int U_STRIDE = 3;
  private static final int U_RECORDED = 0;
  private static final int U_FROM = 1;
  private static final int U_TO = 2;

  private final List<ChainLink>[] chains;

  /** The mandator bodies whose power may lapse (rule 18, Awb 10:17), each checked once a search. */
  private final Cand[] bodies;

  @SuppressWarnings("unchecked")
  private AnyUnitSearch(
      Pos[] positions,
      int[] offerStart,
      long[] offers,
      int[] scanIndex,
      int[] bodyOf,
      List<?>[] chains,
      DecisionMaker[] usual,
      long[] posData,
      long[] usualFrom,
      Cand[] bodies) {
    this.positions = positions;
    this.offerStart = offerStart;
    this.offers = offers;
    this.scanIndex = scanIndex;
    this.bodyOf = bodyOf;
    this.chains = (List<ChainLink>[]) chains;
    this.usual = usual;
    this.posData = posData;
    this.usualFrom = usualFrom;
    this.bodies = bodies;
  }

  /** How far up the line the scan walks from a holder (a guard against a broken tree). */
  private static final int MAX_UP = 64;

  /** Builds the skeleton of {@code ti}: time linear in its grants times the depth of the line. */
  static AnyUnitSearch of(TypeInfo ti, int positionCount) {
    // Per position (by tin), its offers in scan order; only those not dominated are kept.
    int[] slotOf = new int[positionCount];
    Arrays.fill(slotOf, -1);
    List<Pos> posList = new ArrayList<>();
    List<List<Offer>> byPos = new ArrayList<>();
    List<Cand> bodyList = new ArrayList<>();
    int scan = 0;
    for (Cand c : ti.direct) {
      int body = -1;
      if (c.mandatorBody != null) {
        for (int b = 0; b < bodyList.size(); b++) {
          if (bodyList.get(b).mandatorBody.equals(c.mandatorBody)) {
            body = b;
            break;
          }
        }
        if (body < 0) {
          body = bodyList.size();
          bodyList.add(c);
        }
      }
      Pos h = c.holder;
      scan = offer(c, h, body, scan, slotOf, posList, byPos);
      if (c.excludesHigher) {
        continue;
      }
      Pos p = h.up;
      for (int i = 0; p != null && i < MAX_UP; i++, p = p.up) {
        scan = offer(c, p, body, scan, slotOf, posList, byPos);
      }
    }
    Integer[] order = new Integer[posList.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int d = Integer.compare(posList.get(b).depth, posList.get(a).depth);
          return d != 0 ? d : Integer.compare(byPos.get(a).get(0).scan, byPos.get(b).get(0).scan);
        });
    int total = 0;
    for (List<Offer> l : byPos) {
      total += l.size();
    }
    Pos[] positions = new Pos[order.length];
    int[] offerStart = new int[order.length + 1];
    long[] offers = new long[total * STRIDE];
    int[] scanIndex = new int[total];
    int[] bodyOf = new int[total];
    List<?>[] chains = new List<?>[total];
    DecisionMaker[] usual = new DecisionMaker[total];
    long[] posData = new long[order.length * P_STRIDE];
    long[] usualFrom = new long[order.length * U_STRIDE];
    int o = 0;
    for (int i = 0; i < order.length; i++) {
      Pos p = posList.get(order[i]);
      positions[i] = p;
      offerStart[i] = o;
      int pk = i * P_STRIDE;
      posData[pk + P_DEPTH] = p.depth;
      posData[pk + P_LIFE_FROM] = p.lifeFrom;
      posData[pk + P_LIFE_TO] = p.lifeTo;
      usualHolders(p, usualFrom, i * U_STRIDE);
      for (Offer f : byPos.get(order[i])) {
        Cand c = f.cand;
        int k = o * STRIDE;
        offers[k + RECORDED] = c.recordedNanos;
        offers[k + REVOKED] = c.revokedNanos;
        offers[k + FROM_DAY] = c.fromDay;
        offers[k + TO_DAY] = c.toDay;
        offers[k + CEILING] = c.ceiling;
        scanIndex[o] = f.scan;
        bodyOf[o] = f.body;
        chains[o] =
            c.holder == p
                ? c.chain
                : List.copyOf(
                    new ChainList(c.chain, ChainLink.higherPosition(c.holder.code, p.code)));
        @SuppressWarnings("unchecked")
        List<ChainLink> chain = (List<ChainLink>) chains[o];
        usual[o] = new DecisionMaker(p.code, p.assigned, List.of(), chain);
        o++;
      }
    }
    offerStart[order.length] = o;
    return new AnyUnitSearch(
        positions,
        offerStart,
        offers,
        scanIndex,
        bodyOf,
        chains,
        usual,
        posData,
        usualFrom,
        bodyList.toArray(new Cand[0]));
  }

  /**
   * When {@code p}'s holders are {@link Pos#assigned} and no substitute: while every assignment is
   * in force. A position with a substitution is never taken as usual (its holders are read).
   */
  private static void usualHolders(Pos p, long[] usualFrom, int k) {
    long recorded = Long.MIN_VALUE;
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    for (Holding h : p.holdings) {
      if (h.substitution) {
        recorded = Long.MAX_VALUE;
        break;
      }
      recorded = Math.max(recorded, h.recordedNanos);
      from = Math.max(from, h.fromDay);
      to = Math.min(to, h.toDay);
    }
    usualFrom[k + U_RECORDED] = recorded;
    usualFrom[k + U_FROM] = from;
    usualFrom[k + U_TO] = to;
  }

  private static int offer(
      Cand c, Pos p, int body, int scan, int[] slotOf, List<Pos> posList, List<List<Offer>> byPos) {
    if (c.signatureOnly) {
      // Never listed (a signature mandate decides nothing); it still takes its place in the scan.
      return scan + 1;
    }
    int slot = slotOf[p.tin];
    if (slot < 0) {
      slot = posList.size();
      slotOf[p.tin] = slot;
      posList.add(p);
      byPos.add(new ArrayList<>(2));
    }
    List<Offer> kept = byPos.get(slot);
    // A bounded look back: registers repeat the same grant shape, rarely more than a few per place.
    for (int i = 0, n = Math.min(kept.size(), 16); i < n; i++) {
      if (kept.get(i).dominates(c, body)) {
        return scan + 1;
      }
    }
    kept.add(new Offer(c, body, scan));
    return scan + 1;
  }

  private record Offer(Cand cand, int body, int scan) {
    /**
     * Whether this offer holds whenever one for {@code c} would: the later one never comes first.
     */
    boolean dominates(Cand c, int otherBody) {
      return (body < 0 || body == otherBody)
          && cand.recordedNanos <= c.recordedNanos
          && cand.revokedNanos >= c.revokedNanos
          && cand.fromDay <= c.fromDay
          && cand.toDay >= c.toDay
          && cand.ceiling >= c.ceiling;
    }
  }

  /** The positions that may decide, deepest first, with holders and chains at the moment. */
  List<DecisionMaker> search(TypeInfo ti, long cents, long nanos, long day) {
    boolean[] lacks = new boolean[bodies.length];
    for (int b = 0; b < bodies.length; b++) {
      lacks[b] = RegisterSnapshot.mandatorLacksPower(bodies[b], ti, nanos, day);
    }
    int n = positions.length;
    int[] winner = new int[n];
    int[] found = new int[n];
    int size = 0;
    boolean inScanOrder = true;
    int lastDepth = Integer.MAX_VALUE;
    int lastScan = -1;
    for (int i = 0; i < n; i++) {
      int o = firstHolding(offerStart[i], offerStart[i + 1], cents, nanos, day, lacks);
      int k = i * P_STRIDE;
      // A position that does not exist that day is never listed (nor looked at further).
      if (o < 0 || day < posData[k + P_LIFE_FROM] || day > posData[k + P_LIFE_TO]) {
        continue;
      }
      int depth = (int) posData[k + P_DEPTH];
      if (depth == lastDepth && scanIndex[o] < lastScan) {
        inScanOrder = false;
      }
      lastDepth = depth;
      lastScan = scanIndex[o];
      found[size] = i;
      winner[size++] = o;
    }
    if (!inScanOrder) {
      sortWithinDepth(found, winner, size);
    }
    DecisionMaker[] result = new DecisionMaker[size];
    for (int k = 0; k < size; k++) {
      int i = found[k];
      int o = winner[k];
      int u = i * U_STRIDE;
      result[k] =
          nanos >= usualFrom[u + U_RECORDED]
                  && day >= usualFrom[u + U_FROM]
                  && day <= usualFrom[u + U_TO]
              ? usual[o]
              : RegisterSnapshot.decisionMaker(positions[i], chains[o], nanos, day);
    }
    return List.of(result);
  }

  private int firstHolding(int from, int to, long cents, long nanos, long day, boolean[] lacks) {
    long[] f = offers;
    for (int o = from; o < to; o++) {
      int k = o * STRIDE;
      if (f[k + RECORDED] <= nanos
          && f[k + REVOKED] > nanos
          && day >= f[k + FROM_DAY]
          && day <= f[k + TO_DAY]
          && (cents < 0 || cents <= f[k + CEILING])
          && (bodyOf[o] < 0 || !lacks[bodyOf[o]])) {
        return o;
      }
    }
    return -1;
  }

  /**
   * When a later grant answered for a position (its first was not in force), the positions of its
   * depth are put back in the order the scan would have found them.
   */
  private void sortWithinDepth(int[] found, int[] winner, int size) {
    long[] keys = new long[size];
    int start = 0;
    while (start < size) {
      long depth = posData[found[start] * P_STRIDE + P_DEPTH];
      int end = start;
      while (end < size && posData[found[end] * P_STRIDE + P_DEPTH] == depth) {
        keys[end] = ((long) scanIndex[winner[end]] << 32) | end;
        end++;
      }
      Arrays.sort(keys, start, end);
      start = end;
    }
    int[] f = found.clone();
    int[] w = winner.clone();
    for (int k = 0; k < size; k++) {
      int from = (int) keys[k];
      found[k] = f[from];
      winner[k] = w[from];
    }
  }
}
