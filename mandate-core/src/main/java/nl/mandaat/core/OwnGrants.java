package nl.mandaat.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.mandaat.core.Compiled.Cand;
import nl.mandaat.core.Compiled.Holding;
import nl.mandaat.core.Compiled.Pos;
import nl.mandaat.core.Compiled.Row;
import nl.mandaat.core.Compiled.TypeInfo;

/**
 * The usual question answered from one small object: a person (through the first position they
 * hold) or a position asks about a decision type it holds grants for itself. Per subject and type,
 * an {@link Entry} keeps those grants as rows, one per unit each was given for, with their permits
 * (shared, or chosen by amount) and for a person the window of that holding. These are the grants
 * the evaluator tries first (the holder's own, the question's unit and then each unit above it), so
 * the first of them that permits is the evaluator's answer; when none does, when the question has
 * flags, or when a row needs more than the row to decide, the evaluator takes its full course,
 * which tries them again.
 *
 * <p>Why: on a large register the full course reads about ten objects scattered over memory (the
 * person's holding, the unit's chain, the type's table of units, its rows, the holding's permits,
 * the key strings), and with many different questions each is a cache miss. An entry is found by
 * the question's own codes, compared packed ({@link PackedCode}), and read as one object with two
 * small arrays; only a question about another unit than the position's reads that unit's chain.
 */
final class OwnGrants {
  /**
   * Pairs: the subject's code (null marks a free slot), then its {@link Entry}. Persons and
   * positions share the table; an entry says which it is.
   */
  private final Object[] slots;

  private final int mask;
  private final int size;

  /** What one subject holds itself for one type: its position's own grants. */
  static final class Entry {
    final int typeIndex;

    /** A person's entry (through their first holding), else a position's. */
    final boolean person;

    /** The subject's code as a {@link PackedCode}: the key, checked without its string. */
    final long codeLow;

    final long codeHigh;

    /** The holding's recording moment; {@code Long.MIN_VALUE} for a position asking itself. */
    final long recordedNanos;

    /** The days on which the holding is in force and the position exists, inclusive. */
    final long fromDay;

    final long toDay;

    /** Whether the person holds the position as a substitute (rule 19). */
    final boolean substitution;

    /** The code of the position's unit, also packed, and its index: where a question asks most. */
    final String unit;

    final int unitIndex;

    final long unitLow;
    final long unitHigh;

    /**
     * The grants' rows ({@link Row}), one per unit each was given for, in the register's order of
     * the grants: within one unit, the order the evaluator tries them.
     */
    final long[] rows;

    /**
     * Per row: the permit for this subject, an {@link Evaluation}, or a {@link ByAmount} where the
     * co-signs it requires depend on the amount.
     */
    final Object[] permits;

    private Entry(
        String code,
        int typeIndex,
        boolean person,
        long recordedNanos,
        long fromDay,
        long toDay,
        boolean substitution,
        String unit,
        int unitIndex,
        long[] rows,
        Object[] permits) {
      this.typeIndex = typeIndex;
      this.person = person;
      this.codeLow = PackedCode.low(code);
      this.codeHigh = PackedCode.high(code);
      this.recordedNanos = recordedNanos;
      this.fromDay = fromDay;
      this.toDay = toDay;
      this.substitution = substitution;
      this.unit = unit;
      this.unitIndex = unitIndex;
      this.unitLow = PackedCode.low(unit);
      this.unitHigh = PackedCode.high(unit);
      this.rows = rows;
      this.permits = permits;
    }

    /** The permit of row {@code r} for an amount of {@code cents} (-1: none given). */
    Evaluation permit(int r, long cents) {
      Object p = permits[r];
      return p instanceof Evaluation e ? e : ((ByAmount) p).of(cents);
    }

    /** Whether the subject holds the position on {@code day} as recorded at {@code nanos}. */
    boolean holds(long nanos, long day) {
      return recordedNanos <= nanos && day >= fromDay && day <= toDay;
    }

    /**
     * Whether the question's unit ({@code code}, null for the position's own, packed as {@code low}
     * and {@code high}) is the position's.
     */
    boolean inOwnUnit(String code, long low, long high) {
      if (code == null) {
        return true;
      }
      return high != PackedCode.DOES_NOT_FIT
          ? low == unitLow && high == unitHigh
          : code == unit || code.equals(unit);
    }

    /**
     * The first row whose grant was in force and allows the action and amount, trying the rows of
     * each of {@code units} in turn (null: the position's own unit only); negative when no row
     * does, or when a row needs more than the row to say (the mandator's power): the evaluator's
     * full course answers those.
     */
    int firstPermitting(int[] units, long nanos, long day, long cents, long needed, long refused) {
      if (units == null) {
        return firstPermitting(unitIndex, nanos, day, cents, needed, refused);
      }
      // The question's unit, then each unit above it: the nearest grant answers first.
      for (int unit : units) {
        int r = firstPermitting(unit, nanos, day, cents, needed, refused);
        if (r != -1) {
          return r;
        }
      }
      return -1;
    }

    /** As above for the rows of one unit; -2 when the full course must say. */
    private int firstPermitting(
        int unit, long nanos, long day, long cents, long needed, long refused) {
      for (int r = 0, o = 0; o < rows.length; r++, o += Row.STRIDE) {
        if (Row.unit(rows, o) != unit) {
          continue;
        }
        int lacks = Row.inForce(rows, o, nanos, day);
        if (lacks == Row.POWER_UNCERTAIN) {
          return -2;
        }
        if (lacks == Row.PASSES && Row.refusal(rows, o, cents, needed, refused) == Row.PASSES) {
          return r;
        }
      }
      return -1;
    }
  }

  private OwnGrants(List<String> codes, List<Entry> entries) {
    // At most half full: a probe mostly reads one slot, and an absent key ends soon.
    int capacity = Integer.highestOneBit(Math.max(1, codes.size())) << 2;
    this.mask = capacity - 1;
    this.slots = new Object[2 * capacity];
    this.size = codes.size();
    for (int e = 0; e < codes.size(); e++) {
      Entry entry = entries.get(e);
      int i = slot(codes.get(e).hashCode(), entry.typeIndex, entry.person);
      while (slots[2 * i] != null) {
        i = (i + 1) & mask;
      }
      slots[2 * i] = codes.get(e);
      slots[2 * i + 1] = entry;
    }
  }

  static final OwnGrants EMPTY = new OwnGrants(List.of(), List.of());

  /**
   * The entry of the person or position {@code code} for the type with {@code typeIndex}, null when
   * there is none; {@code hash} is {@code code.hashCode()}, {@code low} and {@code high} its {@link
   * PackedCode}.
   */
  Entry find(String code, int hash, long low, long high, int typeIndex, boolean person) {
    for (int i = slot(hash, typeIndex, person); ; i = (i + 1) & mask) {
      Object k = slots[2 * i];
      if (k == null) {
        return null;
      }
      Entry e = (Entry) slots[2 * i + 1];
      if (e.typeIndex == typeIndex
          && e.person == person
          && (high != PackedCode.DOES_NOT_FIT
              ? low == e.codeLow && high == e.codeHigh
              : k == code || k.equals(code))) {
        return e;
      }
    }
  }

  int size() {
    return size;
  }

  private int slot(int hash, int typeIndex, boolean person) {
    int h = hash * 0x9E37_79B9 + typeIndex * 0x85EB_CA6B + (person ? 0x632B_E5AB : 0);
    return (h ^ (h >>> 15)) & mask;
  }

  /**
   * Entries for every position with grants of its own, per type, and for every person whose first
   * holding is such a position. Needs the positions' own grants and their shared permits.
   *
   * @param roots the units a grant was given for (for a grant without units, every tree's root)
   */
  static OwnGrants of(
      Collection<Pos> positions,
      Map<String, Holding[]> persons,
      Map<String, TypeInfo> types,
      String[] unitCodes,
      Function<Cand, int[]> roots,
      long revision) {
    List<String> codes = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    // Per position and type: the grant of each row, and the rows, shared with its holder's entry.
    Map<Pos, Map<TypeInfo, Cand[]>> ownGrants = new HashMap<>();
    Map<Cand[], long[]> rowsOf = new IdentityHashMap<>();
    for (Pos p : positions) {
      if (p.own.length == 0 || p.unitIdx < 0) {
        continue;
      }
      // Per type, a row per grant and unit it was given for, the grants in the register's order.
      Map<TypeInfo, List<Cand>> cands = new LinkedHashMap<>();
      Map<TypeInfo, List<Integer>> units = new HashMap<>();
      for (Cand c : p.own) {
        for (String t : c.types) {
          TypeInfo ti = types.get(t);
          if (ti == null) {
            continue;
          }
          for (int unit : roots.apply(c)) {
            cands.computeIfAbsent(ti, k -> new ArrayList<>()).add(c);
            units.computeIfAbsent(ti, k -> new ArrayList<>()).add(unit);
          }
        }
      }
      Map<TypeInfo, Cand[]> ofPosition = new LinkedHashMap<>();
      ownGrants.put(p, ofPosition);
      cands.forEach(
          (ti, list) -> {
            Cand[] rowCands = list.toArray(new Cand[0]);
            long[] rows = new long[rowCands.length * Row.STRIDE];
            for (int r = 0; r < rowCands.length; r++) {
              Row.fill(rows, r, rowCands[r], ti.powerCertain(rowCands[r]), units.get(ti).get(r));
            }
            ofPosition.put(ti, rowCands);
            rowsOf.put(rowCands, rows);
            Object[] permits = new Object[rowCands.length];
            for (int r = 0; r < permits.length; r++) {
              Cand c = rowCands[r];
              permits[r] =
                  c.holderPermit != null
                      ? c.holderPermit
                      : ByAmount.of(c, p.code, c.chain, revision);
            }
            codes.add(p.code);
            entries.add(
                new Entry(
                    p.code,
                    ti.index,
                    false,
                    Long.MIN_VALUE,
                    p.lifeFrom,
                    p.lifeTo,
                    false,
                    unitCodes[p.unitIdx],
                    p.unitIdx,
                    rows,
                    permits));
          });
    }
    persons.forEach(
        (person, holdings) -> {
          if (holdings.length == 0) {
            return;
          }
          Holding h = holdings[0];
          ownGrants
              .getOrDefault(h.pos, Map.of())
              .forEach(
                  (ti, rowCands) -> {
                    Object[] permits = new Object[rowCands.length];
                    for (int r = 0; r < permits.length; r++) {
                      Cand c = rowCands[r];
                      Evaluation shared = h.permits[c.ownIndex];
                      permits[r] =
                          shared != null
                              ? shared
                              : ByAmount.of(
                                  c, h.pos.code, new ChainList(c.chain, h.link), revision);
                    }
                    codes.add(person);
                    entries.add(
                        new Entry(
                            person,
                            ti.index,
                            true,
                            h.recordedNanos,
                            Math.max(h.fromDay, h.positionFrom),
                            Math.min(h.toDay, h.positionTo),
                            h.substitution,
                            unitCodes[h.pos.unitIdx],
                            h.pos.unitIdx,
                            rowsOf.get(rowCands),
                            permits));
                  });
        });
    return new OwnGrants(codes, entries);
  }

  /**
   * The permits of a grant whose co-signs depend on the amount, one per bracket between its
   * thresholds, built once: an answer is then chosen, not built.
   */
  static final class ByAmount {
    /** The distinct thresholds in cents, ascending. */
    private final long[] thresholds;

    /** Without an amount (every co-sign), then up to the first threshold, then above each. */
    private final Evaluation[] permits;

    private ByAmount(long[] thresholds, Evaluation[] permits) {
      this.thresholds = thresholds;
      this.permits = permits;
    }

    static ByAmount of(Cand c, String position, List<ChainLink> chain, long revision) {
      Brackets b = Brackets.of(c);
      Evaluation[] permits = new Evaluation[b.conditions.length];
      for (int i = 0; i < permits.length; i++) {
        permits[i] = RegisterSnapshot.permitOf(c, position, chain, b.conditions[i], revision);
      }
      return new ByAmount(b.thresholds, permits);
    }

    Evaluation of(long cents) {
      if (cents < 0) {
        return permits[0];
      }
      int above = 0;
      while (above < thresholds.length && cents > thresholds[above]) {
        above++;
      }
      return permits[above + 1];
    }
  }

  /** A grant's co-sign thresholds and the co-signs of each bracket, once per grant. */
  static final class Brackets {
    final long[] thresholds;

    /** As {@link ByAmount#permits}: without an amount, up to the first threshold, above each. */
    final List<String>[] conditions;

    private Brackets(long[] thresholds, List<String>[] conditions) {
      this.thresholds = thresholds;
      this.conditions = conditions;
    }

    static Brackets of(Cand c) {
      Brackets b = c.brackets;
      if (b == null) {
        long[] thresholds =
            Arrays.stream(c.coSignAbove).filter(t -> t >= 0).sorted().distinct().toArray();
        @SuppressWarnings("unchecked")
        List<String>[] conditions = new List[thresholds.length + 2];
        conditions[0] = RegisterSnapshot.coSigns(c, -1);
        conditions[1] = RegisterSnapshot.coSigns(c, 0);
        for (int j = 0; j < thresholds.length; j++) {
          // Above threshold j and at most the next: its co-signs apply, the next ones not yet.
          conditions[j + 2] = RegisterSnapshot.coSigns(c, thresholds[j] + 1);
        }
        b = new Brackets(thresholds, conditions);
        c.brackets = b;
      }
      return b;
    }
  }
}
