package nl.mandaat.core;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The compiled forms a snapshot answers from; built once, never changed afterwards. */
final class Compiled {
  private Compiled() {}

  /** A position in the reporting tree, with its own grants and a pre-order interval. */
  static final class Pos {
    final Position position;
    final String code;
    final int unitIdx;

    /** The position's unit and every unit above it, nearest first. */
    int[] unitChain;

    final long lifeFrom;
    final long lifeTo;
    Pos up;
    int depth;

    /** Pre-order number; the positions below this one have numbers in [tin + 1, tout). */
    int tin;

    int tout;

    /** Build-time only: which walk up the line last passed here (cycle detection). */
    int mark;

    Cand[] own = new Cand[0];
    Holding[] holdings = new Holding[0];

    Pos(Position position, int unitIdx) {
      this.position = position;
      this.code = position.code();
      this.unitIdx = unitIdx;
      this.lifeFrom = position.lifetime().from().toEpochDay();
      this.lifeTo =
          position.lifetime().to() == null ? Long.MAX_VALUE : position.lifetime().to().toEpochDay();
    }

    boolean existsOn(long day) {
      return day >= lifeFrom && day <= lifeTo;
    }

    /** Whether {@code other} is this position or lies below it in the reporting line. */
    boolean isAtOrAbove(Pos other) {
      return tin <= other.tin && other.tin < tout;
    }

    /** Whether this position may exercise {@code c}: it holds it, or it lies above (rule 20). */
    boolean mayExercise(Cand c) {
      Pos h = c.holder;
      return h == this || (!c.excludesHigher && tin < h.tin && h.tin < tout);
    }
  }

  /** A grant with its whole parent chain resolved: what it permits and when. */
  static final class Cand {
    /** The grant's place in the register's order: ties between equal moments go to the first. */
    int order;

    Grant leaf;
    Pos holder;
    Set<String> types;
    long fromDay;
    String fromGrant;
    long toDay;
    String toGrant;
    long recordedNanos;
    long revokedNanos;
    String revokedGrant;
    int[] unitRoots;
    String unitGrant;
    long ceiling;
    String ceilingGrant;
    boolean subMandateAllowed;
    boolean signatureOnly;
    boolean excludesHigher;
    String escalationTarget;
    String mandatorBody;

    /** The delegation decision the chain rests on, cited in the signature (Awb 10:19). */
    String delegationRef;

    String signature;
    String[] coSignUnits;
    String[] coSignConditions;
    long[] coSignAbove;
    boolean coSignThresholded;
    List<String> allCoSigns;
    List<String> instructions;
    List<ChainLink> chain;
  }

  /** A person's hold on a position: by assignment or as a substitute. */
  static final class Holding {
    final Pos pos;
    final String person;
    final long fromDay;
    final long toDay;
    final long recordedNanos;
    final boolean substitution;
    final ChainLink link;

    Holding(
        Pos pos,
        String person,
        long fromDay,
        long toDay,
        long recordedNanos,
        boolean substitution) {
      this.pos = pos;
      this.person = person;
      this.fromDay = fromDay;
      this.toDay = toDay;
      this.recordedNanos = recordedNanos;
      this.substitution = substitution;
      this.link =
          substitution
              ? ChainLink.substitution(person, pos.code)
              : ChainLink.assignment(person, pos.code);
    }

    boolean inForce(long nanos, long day) {
      return recordedNanos <= nanos && day >= fromDay && day <= toDay;
    }
  }

  /** A decision type with its delegations and the position-held grants for it. */
  static final class TypeInfo {
    final DecisionType type;
    final String code;
    final boolean notMandatable;
    Cand[] direct = new Cand[0];

    /** The position-held grants that higher positions may exercise, by their holder's tin. */
    Cand[] byTin = new Cand[0];

    int[] tins = new int[0];

    /** A segment tree over byTin: the index of the earliest recorded grant in each range. */
    int[] earliestTree = new int[0];

    Map<String, Cand[]> delegatedBy = Map.of();
    Map<String, Cand[]> delegationsHeld = Map.of();

    TypeInfo(DecisionType type) {
      this.type = type;
      this.code = type.code();
      this.notMandatable = !type.mandatable() || type.reservedToRaad();
    }

    private static final Cand[] NONE = new Cand[0];
    private int[] unitKeys = {-1};
    private Cand[][] unitCands = {NONE};
    private int unitMask;

    /** The grants for this type whose units include {@code unit} (not those above it). */
    Cand[] at(int unit) {
      int i = (unit * 0x9E3779B1) >>> 7 & unitMask;
      while (true) {
        int k = unitKeys[i];
        if (k == unit) {
          return unitCands[i];
        }
        if (k == -1) {
          return NONE;
        }
        i = (i + 1) & unitMask;
      }
    }

    /** Builds the open-addressing table behind {@link #at(int)}. */
    void indexByUnit(Map<Integer, List<Cand>> byUnit) {
      int capacity = Integer.highestOneBit(Math.max(2, byUnit.size() * 2 - 1)) << 1;
      unitKeys = new int[capacity];
      java.util.Arrays.fill(unitKeys, -1);
      unitCands = new Cand[capacity][];
      unitMask = capacity - 1;
      byUnit.forEach(
          (unit, cands) -> {
            int i = (unit * 0x9E3779B1) >>> 7 & unitMask;
            while (unitKeys[i] != -1) {
              i = (i + 1) & unitMask;
            }
            unitKeys[i] = unit;
            unitCands[i] = cands.toArray(NONE);
          });
    }

    /** Builds the tree over {@code byTin} (already sorted by holder tin, then order). */
    void index(Cand[] sorted) {
      byTin = sorted;
      int n = sorted.length;
      tins = new int[n];
      earliestTree = new int[2 * n];
      for (int i = 0; i < n; i++) {
        tins[i] = sorted[i].holder.tin;
        earliestTree[n + i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        earliestTree[i] = earlier(earliestTree[2 * i], earliestTree[2 * i + 1]);
      }
    }

    private int earlier(int a, int b) {
      Cand x = byTin[a];
      Cand y = byTin[b];
      if (x.recordedNanos != y.recordedNanos) {
        return x.recordedNanos < y.recordedNanos ? a : b;
      }
      return x.order <= y.order ? a : b;
    }

    /** The earliest recorded grant held by a position with tin in [fromTin, toTin), or null. */
    Cand earliest(int fromTin, int toTin) {
      int n = byTin.length;
      int l = lowerBound(fromTin) + n;
      int r = lowerBound(toTin) + n;
      int best = -1;
      while (l < r) {
        if ((l & 1) == 1) {
          best = best < 0 ? earliestTree[l] : earlier(best, earliestTree[l]);
          l++;
        }
        if ((r & 1) == 1) {
          r--;
          best = best < 0 ? earliestTree[r] : earlier(best, earliestTree[r]);
        }
        l >>= 1;
        r >>= 1;
      }
      return best < 0 ? null : byTin[best];
    }

    private int lowerBound(int tin) {
      int lo = 0;
      int hi = tins.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (tins[mid] < tin) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
