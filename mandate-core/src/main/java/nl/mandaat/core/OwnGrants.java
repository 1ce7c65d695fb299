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
 * The usual question answered from one table slot: a person (through the first position they hold)
 * or a position asks about a decision type it holds grants for itself. Per subject and type, a slot
 * keeps those grants as rows, one per unit each was given for, and for a person the window of that
 * holding, with the rows' permits (shared, or chosen by amount) beside it. These are the grants the
 * evaluator tries first (the holder's own, the question's unit and then each unit above it), so the
 * first of them that permits is the evaluator's answer; when none does, or when a row needs more
 * than the row to decide, the evaluator takes its full course, which tries them again.
 *
 * <p>Why this layout: with many different people asking, the cost of an answer on a large register
 * is not its few comparisons but waiting for memory: for each cache line read, and more for each
 * memory page, whose address the CPU must translate. So the key, the holding and the first row lie
 * in the table itself, in two cache lines found from the question's hash; further rows lie in free
 * slots just after it, mostly on the same page; and each row's permit lies at its slot's index of a
 * parallel array, an address known as soon as the slot's is, so that it is read alongside the slot
 * and not after it. Before, an object per entry with its arrays of rows and permits took four reads
 * one after the other.
 */
final class OwnGrants {
  /** The slots, {@link #SLOT} longs each, after {@link #BASE} longs of padding. */
  private final long[] table;

  /**
   * Per slot, the permit of its row when it does not depend on the amount; its place follows from
   * the slot's, not from what the slot holds, so it is read alongside the slot, not after it. Typed
   * as what it holds, so that returning it reads nothing of the permit itself: the CPU need not
   * fetch the permit's page to check its class, as it must for an element of an {@code Object[]}.
   */
  private final Evaluation[] permits;

  /**
   * Per slot, as {@link #BRACKET} says, the permits of a row whose co-signs change with the amount:
   * the three of an amount's brackets ({@code Evaluation[]}), or a {@link ByAmount}.
   */
  private final Object[] byAmount;

  /** The codes that do not fit a {@link PackedCode}, by slot. */
  private final Map<Integer, String> longCodes;

  private final int capacity;
  private int size;

  /**
   * While building: the slots holding more than one row, with their entries; their further rows are
   * placed once every key has its slot, so that no key lies further from where its probe starts.
   */
  private List<Waiting> waiting = new ArrayList<>();

  private record Waiting(int slot, Entry entry) {}

  // A slot: one subject and one type.
  private static final int SLOT = 16;

  /**
   * A large table starts a heap region (it is a humongous object to G1), 16 bytes of header before
   * its first long; six more put every slot on a 64-byte cache line of its own pair.
   */
  private static final int BASE = 6;

  /** The subject's code as a {@link PackedCode}: the key, compared without its string. */
  private static final int CODE_LOW = 0;

  private static final int CODE_HIGH = 1;

  /**
   * {@link #OCCUPIED}, the type's index in the low 32 bits, {@link #PERSON}, {@link #SUBSTITUTION},
   * and from bit {@link #UNIT_SHIFT} the index of the position's unit; 0 in a free slot.
   */
  private static final int KEY = 2;

  /** The holding's recording moment; {@code Long.MIN_VALUE} for a position asking itself. */
  private static final int RECORDED = 3;

  /**
   * The first and the last day on which the holding is in force and the position exists, as ints in
   * the high and the low half; a day outside the ints is clamped towards the window's inside, so a
   * question beyond the clamp goes to the full course.
   */
  private static final int DAYS = 4;

  /** The code of the position's unit, packed: where a question asks most. */
  private static final int UNIT_LOW = 5;

  private static final int UNIT_HIGH = 6;

  /**
   * The first of the slots that hold its further rows, -1 when it has none. Such a slot is marked
   * {@link #FURTHER} in its KEY and holds one row at {@link #ROW}, and in {@link #NEXT} the next
   * such slot, -1 after the last.
   */
  private static final int PLACES = 7;

  private static final int NEXT = 0;

  /** The KEY of a slot holding a further row: not free, yet never a subject's key. */
  private static final long FURTHER = 1;

  /**
   * The first row ({@link Row}) of the grants, one per unit each was given for, in the register's
   * order of the grants: within one unit, the order the evaluator tries them.
   */
  private static final int ROW = 8;

  private static final long OCCUPIED = 1L << 63;

  /** A person's slot (through their first holding), else a position's. */
  private static final long PERSON = 1L << 32;

  /** The person holds the position as a substitute (rule 19). */
  private static final long SUBSTITUTION = 1L << 33;

  private static final int UNIT_SHIFT = 34;

  /** The units an index can number below {@link #OCCUPIED}. */
  private static final int MAX_UNITS = 1 << 29;

  /**
   * In a row, in place of its holder (the slot's subject holds it, and nothing here reads it):
   * {@link #ANY_AMOUNT} when its permit does not depend on the amount; else, when its co-signs
   * change at one threshold, that threshold in cents, with three permits: without an amount, up to
   * the threshold, and above it; else {@link #BY_AMOUNT}.
   */
  private static final int BRACKET = Row.HOLDER_TIN;

  private static final long ANY_AMOUNT = -1;

  /** The row's permit is a {@link ByAmount}, for co-signs that change at several thresholds. */
  private static final long BY_AMOUNT = -2;

  /** An empty table for {@code rows} rows, of units numbered below {@code units}. */
  private OwnGrants(int rows, int units) {
    if (units >= MAX_UNITS) {
      throw new IllegalArgumentException("more units than an own-grants key holds: " + units);
    }
    // Every row a slot, and at most five in seven slots taken: a probe mostly reads one slot, and
    // the next ones lie beside it. Not a power of two, which could nearly double the memory.
    this.capacity = Math.max(rows + 1, (int) (rows * 7L / 5));
    this.table = new long[BASE + SLOT * capacity];
    this.permits = new Evaluation[capacity];
    this.byAmount = new Object[capacity];
    this.longCodes = new HashMap<>();
  }

  /** Gives {@code e} its slot, with its first row; its further rows wait for {@link #finish}. */
  private void add(Entry e) {
    int i = slot(e.code.hashCode(), e.typeIndex, e.person);
    while (table[BASE + SLOT * i + KEY] != 0) {
      i = next(i);
    }
    int b = BASE + SLOT * i;
    table[b + CODE_LOW] = PackedCode.low(e.code);
    table[b + CODE_HIGH] = PackedCode.high(e.code);
    table[b + KEY] =
        key(e.typeIndex, e.person)
            | (e.substitution ? SUBSTITUTION : 0)
            | (long) e.unitIndex << UNIT_SHIFT;
    table[b + RECORDED] = e.recordedNanos;
    table[b + DAYS] = days(e.fromDay, e.toDay);
    table[b + UNIT_LOW] = PackedCode.low(e.unit);
    table[b + UNIT_HIGH] = PackedCode.high(e.unit);
    table[b + PLACES] = -1;
    System.arraycopy(e.rows, 0, table, b + ROW, Row.STRIDE);
    place(e.permits[0], i);
    if (PackedCode.high(e.code) == PackedCode.DOES_NOT_FIT) {
      longCodes.put(i, e.code);
    }
    if (e.permits.length > 1) {
      waiting.add(new Waiting(i, e));
    }
    size++;
  }

  /** Places the further rows of every slot: each in the next free slot after the previous one. */
  private OwnGrants finish() {
    for (Waiting w : waiting) {
      Entry e = w.entry;
      int i = w.slot;
      int link = BASE + SLOT * i + PLACES;
      for (int r = 1; r < e.permits.length; r++) {
        do {
          i = next(i);
        } while (table[BASE + SLOT * i + KEY] != 0);
        int b = BASE + SLOT * i;
        table[link] = i;
        table[b + KEY] = FURTHER;
        table[b + NEXT] = -1;
        link = b + NEXT;
        System.arraycopy(e.rows, r * Row.STRIDE, table, b + ROW, Row.STRIDE);
        place(e.permits[r], i);
      }
    }
    waiting = null;
    return this;
  }

  static final OwnGrants EMPTY = new OwnGrants(0, 0).finish();

  /** Puts the permit of the row in slot {@code i} beside it, and says in the row what it is. */
  private void place(Object permit, int i) {
    int bracket = BASE + SLOT * i + ROW + BRACKET;
    if (permit instanceof Evaluation e) {
      table[bracket] = ANY_AMOUNT;
      permits[i] = e;
    } else if (((ByAmount) permit).thresholds.length == 1) {
      table[bracket] = ((ByAmount) permit).thresholds[0];
      byAmount[i] = ((ByAmount) permit).permits;
    } else {
      table[bracket] = BY_AMOUNT;
      byAmount[i] = permit;
    }
  }

  private static long key(int typeIndex, boolean person) {
    return OCCUPIED | typeIndex & 0xFFFF_FFFFL | (person ? PERSON : 0);
  }

  private static long days(long from, long to) {
    if (from > Integer.MAX_VALUE || to < Integer.MIN_VALUE) {
      // Never in force on a day an int holds: an empty window, the full course answers.
      return (long) Integer.MAX_VALUE << 32 | Integer.MIN_VALUE & 0xFFFF_FFFFL;
    }
    long first = Math.max(from, Integer.MIN_VALUE);
    long last = Math.min(to, Integer.MAX_VALUE);
    return first << 32 | last & 0xFFFF_FFFFL;
  }

  /**
   * The permit the evaluator's full course would give {@code q} first, when the subject's own
   * grants give it; null when the full course must answer. The caller has checked that {@code q} is
   * plain (no flags) and asks about a mandatable type, with index {@code typeIndex}, at {@code
   * nanos} on zone day {@code day}; {@code unitChains} gives a unit's chain, nearest first.
   */
  Evaluation permit(Question q, int typeIndex, long nanos, long day, CodeTable<int[]> unitChains) {
    int b = find(q, typeIndex);
    if (b < 0) {
      return null;
    }
    long[] t = table;
    long days = t[b + DAYS];
    Action action = q.action();
    if (t[b + RECORDED] > nanos
        || day < days >> 32
        || day > (int) days
        // Rule 19: a substitute may not pass the power on.
        || (action == Action.SUB_MANDATE && (t[b + KEY] & SUBSTITUTION) != 0)) {
      return null;
    }
    long cents = q.amountCents;
    long needed = Row.needed(action);
    long refused = Row.refused(action);
    int row;
    if (q.orgUnit() == null
        || (q.orgUnitHigh != PackedCode.DOES_NOT_FIT
            && q.orgUnitLow == t[b + UNIT_LOW]
            && q.orgUnitHigh == t[b + UNIT_HIGH])) {
      // The position's own unit, the usual case.
      int unit = (int) (t[b + KEY] >>> UNIT_SHIFT) & (MAX_UNITS - 1);
      row = firstPermitting(b, unit, nanos, day, cents, needed, refused);
    } else {
      // The question's unit, then each unit above it: the nearest grant answers first.
      int[] units = unitChains.get(q.orgUnit(), q.orgUnitHash, q.orgUnitLow, q.orgUnitHigh);
      if (units == null) {
        // An unknown unit: the full course refuses it.
        return null;
      }
      row = NONE;
      for (int k = 0; k < units.length && row == NONE; k++) {
        row = firstPermitting(b, units[k], nanos, day, cents, needed, refused);
      }
    }
    if (row < 0) {
      return null;
    }
    int i = (row - BASE) / SLOT;
    long threshold = t[row + BRACKET];
    if (threshold == ANY_AMOUNT) {
      return permits[i];
    }
    if (threshold == BY_AMOUNT) {
      return ((ByAmount) byAmount[i]).of(cents);
    }
    // Without an amount (every co-sign), up to the threshold, above it.
    return ((Evaluation[]) byAmount[i])[cents < 0 ? 0 : cents <= threshold ? 1 : 2];
  }

  /** No row of the unit permits. */
  private static final int NONE = -1;

  /** A row needs more than the row to say (the mandator's power): the full course answers. */
  private static final int UNCERTAIN = -2;

  /**
   * The first row of the slot at {@code b} for {@code unit} whose grant was in force and allows the
   * action and amount, as its offset in the table; {@link #NONE} or {@link #UNCERTAIN}.
   */
  private int firstPermitting(
      int b, int unit, long nanos, long day, long cents, long needed, long refused) {
    long[] t = table;
    int o = b + ROW;
    long next = t[b + PLACES];
    while (true) {
      if (Row.unit(t, o) == unit) {
        int lacks = Row.inForce(t, o, nanos, day);
        if (lacks == Row.POWER_UNCERTAIN) {
          return UNCERTAIN;
        }
        if (lacks == Row.PASSES && Row.refusal(t, o, cents, needed, refused) == Row.PASSES) {
          return o;
        }
      }
      if (next < 0) {
        return NONE;
      }
      int further = BASE + SLOT * (int) next;
      o = further + ROW;
      next = t[further + NEXT];
    }
  }

  /**
   * Where the slot of {@code q}'s subject for the type with {@code typeIndex} starts in the table,
   * -1 when there is none.
   */
  private int find(Question q, int typeIndex) {
    boolean person = q.subjectKind == Subject.Kind.PERSON;
    long key = key(typeIndex, person);
    long low = q.subjectLow;
    long high = q.subjectHigh;
    long[] t = table;
    for (int i = slot(q.subjectHash, typeIndex, person); ; i = next(i)) {
      int b = BASE + SLOT * i;
      long k = t[b + KEY];
      if (k == 0) {
        return -1;
      }
      if ((k & KEY_BITS) == key
          && low == t[b + CODE_LOW]
          && high == t[b + CODE_HIGH]
          && (high != PackedCode.DOES_NOT_FIT || q.subjectCode.equals(longCodes.get(i)))) {
        return b;
      }
    }
  }

  /** The bits of {@link #KEY} that a question names: occupied, person, the type. */
  private static final long KEY_BITS = OCCUPIED | PERSON | 0xFFFF_FFFFL;

  int size() {
    return size;
  }

  private int slot(int hash, int typeIndex, boolean person) {
    int h = hash * 0x9E37_79B9 + typeIndex * 0x85EB_CA6B + (person ? 0x632B_E5AB : 0);
    // The high bits of the mixed hash, scaled to the capacity.
    return (int) (((h ^ (h >>> 15)) & 0xFFFF_FFFFL) * capacity >>> 32);
  }

  private int next(int i) {
    return i + 1 == capacity ? 0 : i + 1;
  }

  /** A slot being built: one subject's own grants for one type. */
  private record Entry(
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
      Object[] permits) {}

  /**
   * Slots for every position with grants of its own, per type, and for every person whose first
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
    // Per position and type: the grant of each row, and the rows, copied into its holder's slot.
    Map<Pos, Map<TypeInfo, Cand[]>> ownGrants = new LinkedHashMap<>();
    Map<Cand[], long[]> rowsOf = new IdentityHashMap<>();
    for (Pos p : positions) {
      if (p.own.length == 0 || p.unitIdx < 0) {
        continue;
      }
      // Per type, a row per grant and unit it was given for, the grants in the register's order;
      // the rows of the position's own unit first, since most questions ask there, and the slot
      // holds its first row itself. The rows of one unit keep their order, and only that order
      // counts: the evaluator tries one unit's rows at a time.
      Map<TypeInfo, List<Cand>> cands = new LinkedHashMap<>();
      Map<TypeInfo, List<Integer>> units = new HashMap<>();
      for (boolean ownUnit : new boolean[] {true, false}) {
        for (Cand c : p.own) {
          for (String t : c.types) {
            TypeInfo ti = types.get(t);
            if (ti == null) {
              continue;
            }
            for (int unit : roots.apply(c)) {
              if ((unit == p.unitIdx) == ownUnit) {
                cands.computeIfAbsent(ti, k -> new ArrayList<>()).add(c);
                units.computeIfAbsent(ti, k -> new ArrayList<>()).add(unit);
              }
            }
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
          });
    }
    // The table's size first, so that no list of every entry is held beside it while it fills.
    int rows = 0;
    for (Map<TypeInfo, Cand[]> ofPosition : ownGrants.values()) {
      for (Cand[] rowCands : ofPosition.values()) {
        rows += rowCands.length;
      }
    }
    for (Holding[] holdings : persons.values()) {
      if (holdings.length > 0) {
        for (Cand[] rowCands : ownGrants.getOrDefault(holdings[0].pos, Map.of()).values()) {
          rows += rowCands.length;
        }
      }
    }
    OwnGrants table = new OwnGrants(rows, unitCodes.length);
    ownGrants.forEach(
        (p, ofPosition) ->
            ofPosition.forEach(
                (ti, rowCands) -> {
                  Object[] permits = new Object[rowCands.length];
                  for (int r = 0; r < permits.length; r++) {
                    Cand c = rowCands[r];
                    permits[r] =
                        c.holderPermit != null
                            ? c.holderPermit
                            : ByAmount.of(c, p.code, c.chain, revision);
                  }
                  table.add(
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
                          rowsOf.get(rowCands),
                          permits));
                }));
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
                    table.add(
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
    return table.finish();
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
