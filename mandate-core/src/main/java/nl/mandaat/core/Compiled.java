package nl.mandaat.core;

import java.util.Arrays;
import java.util.Comparator;
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

    /** The persons of {@link #holdings} by assignment, in order: most searches' holders. */
    List<String> assigned = List.of();

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
      return isAtOrAbove(other.tin);
    }

    /** Whether the position with pre-order number {@code otherTin} is this one or lies below it. */
    boolean isAtOrAbove(int otherTin) {
      return tin <= otherTin && otherTin < tout;
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

    /** This grant's index in its holder's {@link Pos#own}. */
    int ownIndex;

    /**
     * The answer when the holder position itself asks and no co-sign depends on the amount: built
     * once, shared by every such evaluation (it is immutable); null otherwise.
     */
    Evaluation holderPermit;

    /** Build-time only: its co-signs by amount bracket, when they depend on the amount. */
    OwnGrants.Brackets brackets;

    /**
     * The sentences a deny gives for this grant's limits, by condition, each made on first use:
     * formatting a date or an amount costs more than the rest of a deny. Read and written by many
     * threads without a lock, which is safe: each sentence is made from final values, a String is
     * safe to publish, and at worst two threads make the same one.
     */
    String[] described;
  }

  /**
   * The layout of a grant's row in {@link TypeInfo#rows}: what the hot path compares, as longs, so
   * that checking a grant reads one stretch of one array.
   */
  static final class Row {
    static final int STRIDE = 8;
    static final int HOLDER_TIN = 0;
    static final int RECORDED = 1;
    static final int REVOKED = 2;
    static final int FROM_DAY = 3;
    static final int TO_DAY = 4;
    static final int CEILING = 5;
    static final int FLAGS = 6;

    /** The grant's {@link Cand#ownIndex} in the low 32 bits, the row's unit in the high 32. */
    static final int OWN_INDEX = 7;

    static final long EXCLUDES_HIGHER = 1;
    static final long SIGNATURE_ONLY = 2;
    static final long SUB_MANDATE_ALLOWED = 4;

    /** The mandator holds the power at every moment: no delegation check needed (rule 18). */
    static final long POWER_CERTAIN = 8;

    /** What a row's grant lacks for a question: nothing, or the first check it fails. */
    static final int PASSES = 0;

    /** Rule 23: recorded after the moment, so it did not exist then. */
    static final int NOT_RECORDED = 1;

    static final int WAS_REVOKED = 2;
    static final int NOT_YET_VALID = 3;
    static final int EXPIRED = 4;

    /**
     * In force, but its mandator may have delegated the power away (rule 18): only the grant itself
     * can say, so the caller checks it before {@link #refusal}.
     */
    static final int POWER_UNCERTAIN = 5;

    /** Awb 10:11: a signature mandate signs what the body decided; it does not decide. */
    static final int SIGNATURE_ONLY_REFUSED = 6;

    /** Awb 10:9: sub-mandating needs the grant's leave. */
    static final int NO_SUB_MANDATE = 7;

    /** Rule 22: above the ceiling goes to the next level up. */
    static final int ABOVE_CEILING = 8;

    private Row() {}

    /** The flags a grant must have for {@code action}: sub-mandating needs leave (Awb 10:9). */
    static long needed(Action action) {
      return action == Action.SUB_MANDATE ? SUB_MANDATE_ALLOWED : 0;
    }

    /** The flags a grant must not have for {@code action}: a signature mandate does not decide. */
    static long refused(Action action) {
      return action == Action.DECIDE ? SIGNATURE_ONLY : 0;
    }

    /** Whether the row at offset {@code o} was in force at the moment (nanos and zone day). */
    static int inForce(long[] rows, int o, long nanos, long day) {
      if (rows[o + RECORDED] > nanos) {
        return NOT_RECORDED;
      }
      if (rows[o + REVOKED] <= nanos) {
        return WAS_REVOKED;
      }
      if (day < rows[o + FROM_DAY]) {
        return NOT_YET_VALID;
      }
      if (day > rows[o + TO_DAY]) {
        return EXPIRED;
      }
      return (rows[o + FLAGS] & POWER_CERTAIN) == 0 ? POWER_UNCERTAIN : PASSES;
    }

    /**
     * Whether the grant of an in-force row refuses the question: an action it lacks ({@code needed}
     * flags it must have, {@code refused} flags it must not) or an amount above its ceiling ({@code
     * cents}, -1 for none).
     */
    static int refusal(long[] rows, int o, long cents, long needed, long refused) {
      long flags = rows[o + FLAGS];
      if ((flags & refused) != 0) {
        return SIGNATURE_ONLY_REFUSED;
      }
      if ((flags & needed) != needed) {
        return NO_SUB_MANDATE;
      }
      return cents > rows[o + CEILING] ? ABOVE_CEILING : PASSES;
    }

    /** The unit of the row at offset {@code o}: the one its grant was given for. */
    static int unit(long[] rows, int o) {
      return (int) (rows[o + OWN_INDEX] >>> 32);
    }

    static void fill(long[] rows, int row, Cand c, boolean powerCertain, int unit) {
      int o = row * STRIDE;
      rows[o + HOLDER_TIN] = c.holder.tin;
      rows[o + RECORDED] = c.recordedNanos;
      rows[o + REVOKED] = c.revokedNanos;
      rows[o + FROM_DAY] = c.fromDay;
      rows[o + TO_DAY] = c.toDay;
      rows[o + CEILING] = c.ceiling;
      rows[o + FLAGS] =
          (c.excludesHigher ? EXCLUDES_HIGHER : 0)
              | (c.signatureOnly ? SIGNATURE_ONLY : 0)
              | (c.subMandateAllowed ? SUB_MANDATE_ALLOWED : 0)
              | (powerCertain ? POWER_CERTAIN : 0);
      rows[o + OWN_INDEX] = (long) unit << 32 | c.ownIndex;
    }
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

    /** Copies of the position's pre-order interval and lifetime: the hot path skips the Pos. */
    final int tin;

    final int tout;
    final long positionFrom;
    final long positionTo;

    /** The same person's next holding, in the order of {@code persons}; null after the last. */
    Holding next;

    /**
     * Per grant of {@code pos.own}: the answer when this person asks through this holding and no
     * co-sign depends on the amount; built once, shared (immutable); null entries otherwise.
     */
    Evaluation[] permits;

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
      this.tin = pos.tin;
      this.tout = pos.tout;
      this.positionFrom = pos.lifeFrom;
      this.positionTo = pos.lifeTo;
      this.link =
          substitution
              ? ChainLink.substitution(person, pos.code)
              : ChainLink.assignment(person, pos.code);
    }

    boolean positionExistsOn(long day) {
      return day >= positionFrom && day <= positionTo;
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

    /** This type's place among the snapshot's types: a key of {@link OwnGrants}. */
    final int index;

    Cand[] direct = new Cand[0];

    /** The position-held grants that higher positions may exercise, by their holder's tin. */
    Cand[] byTin = new Cand[0];

    private TinIndex tins = TinIndex.EMPTY;

    /** The grants only their holder may exercise (rule 20), by holder tin, earliest first. */
    private Cand[] excluding = NONE;

    private TinIndex excludingTins = TinIndex.EMPTY;

    /** A segment tree over byTin: the index of the earliest recorded grant in each range. */
    int[] earliestTree = new int[0];

    /** "Who may decide" in any unit, built on first use: see RegisterSnapshot#anyUnitSearch. */
    volatile AnyUnitSearch anyUnit;

    Map<String, Cand[]> delegatedBy = Map.of();
    Map<String, Cand[]> delegationsHeld = Map.of();

    TypeInfo(DecisionType type, int index) {
      this.type = type;
      this.index = index;
      this.code = type.code();
      this.notMandatable = !type.mandatable() || type.reservedToRaad();
    }

    private static final Cand[] NONE = new Cand[0];

    /** Whether some body delegated this type away: only then may a mandator lack the power. */
    boolean delegated;

    /**
     * The grants by unit as flat rows of {@link Row#STRIDE} longs, a unit's rows contiguous: the
     * hot path checks a grant without touching its object, and fetches {@link #rowCands} only for
     * the one that answers (or for the failure it reports).
     */
    long[] rows = new long[0];

    /** The grant of each row. */
    Cand[] rowCands = NONE;

    /** The grant of each row's {@link Cand#holderPermit}, read without touching the grant. */
    Evaluation[] holderPermits = new Evaluation[0];

    /** Unit index to the range of rows for grants whose units include that unit. */
    IntRangeMap rowsByUnit = IntRangeMap.EMPTY;

    /** Builds {@link #rows} and {@link #rowsByUnit}; needs {@link #delegated} and Cand.ownIndex. */
    void indexByUnit(Map<Integer, List<Cand>> byUnit) {
      int n = 0;
      for (List<Cand> cands : byUnit.values()) {
        n += cands.size();
      }
      rows = new long[n * Row.STRIDE];
      rowCands = new Cand[n];
      int[] keys = new int[byUnit.size()];
      int[] starts = new int[keys.length];
      int[] ends = new int[keys.length];
      int k = 0;
      int r = 0;
      for (Map.Entry<Integer, List<Cand>> e : byUnit.entrySet()) {
        keys[k] = e.getKey();
        starts[k] = r;
        for (Cand c : e.getValue()) {
          rowCands[r] = c;
          Row.fill(rows, r, c, powerCertain(c), e.getKey());
          r++;
        }
        ends[k++] = r;
      }
      rowsByUnit = new IntRangeMap(keys, starts, ends);
    }

    /** Whether the mandator of {@code c} holds the power whenever: nothing was delegated away. */
    boolean powerCertain(Cand c) {
      return c.mandatorBody == null || (!delegated && c.mandatorBody.equals(type.competentBody()));
    }

    /** Builds the tree over {@code byTin} (already sorted by holder tin, then order). */
    void index(Cand[] sorted) {
      byTin = sorted;
      int n = sorted.length;
      tins = new TinIndex(Arrays.stream(sorted).mapToInt(c -> c.holder.tin).toArray());
      earliestTree = new int[2 * n];
      for (int i = 0; i < n; i++) {
        earliestTree[n + i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        earliestTree[i] = earlier(earliestTree[2 * i], earliestTree[2 * i + 1]);
      }
    }

    /** Indexes the grants for this type that exclude higher positions. */
    void indexExcluding(Cand[] cands) {
      excluding =
          Arrays.stream(cands)
              .sorted(
                  Comparator.comparingInt((Cand c) -> c.holder.tin)
                      .thenComparingLong(c -> c.recordedNanos)
                      .thenComparingInt(c -> c.order))
              .toArray(Cand[]::new);
      excludingTins = new TinIndex(Arrays.stream(excluding).mapToInt(c -> c.holder.tin).toArray());
    }

    /**
     * The earliest recorded grant held by the position with {@code tin} that higher positions may
     * not exercise, or null.
     */
    Cand earliestExcluding(int tin) {
      int i = excludingTins.lowerBound(tin);
      return i < excluding.length && excludingTins.tin(i) == tin ? excluding[i] : null;
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
      int l = tins.lowerBound(fromTin) + n;
      int r = tins.lowerBound(toTin) + n;
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
  }

  /**
   * Positions' pre-order numbers (tins) in ascending order, with where each run of 64 numbers
   * starts: a lower bound reads one run, not the log n places of a binary search over the whole
   * array, each of which waits for memory when many different questions come.
   */
  static final class TinIndex {
    private static final int SHIFT = 6;

    static final TinIndex EMPTY = new TinIndex(new int[0]);

    private final int[] tins;

    /** For each run b, the first index whose tin is at least {@code b << SHIFT}. */
    private final int[] runs;

    TinIndex(int[] ascending) {
      this.tins = ascending;
      int last = ascending.length == 0 ? 0 : ascending[ascending.length - 1];
      this.runs = new int[(last >> SHIFT) + 2];
      int i = 0;
      for (int b = 0; b < runs.length; b++) {
        while (i < ascending.length && ascending[i] < b << SHIFT) {
          i++;
        }
        runs[b] = i;
      }
    }

    int tin(int i) {
      return tins[i];
    }

    /** The first index whose tin is at least {@code tin} (not negative). */
    int lowerBound(int tin) {
      int b = tin >> SHIFT;
      if (b >= runs.length - 1) {
        return tins.length;
      }
      int lo = runs[b];
      int hi = runs[b + 1];
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
