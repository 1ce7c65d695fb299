package nl.mandaat.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mandaat.core.Compiled.Cand;
import nl.mandaat.core.Compiled.Holding;
import nl.mandaat.core.Compiled.Pos;
import nl.mandaat.core.Compiled.Row;
import nl.mandaat.core.Compiled.TypeInfo;

/**
 * A register compiled for answering: every chain resolved once (decision types and units
 * intersected, ceilings reduced, windows intersected, revocations cascaded) and indexed by decision
 * type and unit, with the reporting line as pre-order intervals, so that {@link
 * #evaluate(Question)} is a few lookups and comparisons whatever the register's size.
 *
 * <p>Immutable and thread-safe: build one per revision with {@link #of(Register)} and share it.
 * Every question about a moment t is answered as the register stood at t: a grant, assignment or
 * substitution counts only when recorded at or before t, its window contains the date of t in the
 * register's zone, and nothing in its chain was revoked at or before t.
 */
public final class RegisterSnapshot {
  private static final RegisterSnapshot UNAVAILABLE = new RegisterSnapshot();
  private static final Cand[] NO_CANDS = new Cand[0];
  private static final int[] NO_UNITS = new int[0];

  private final boolean available;
  private final Register register;
  private final long revision;
  private final ZoneDays days;
  private final Map<String, Integer> unitIndex;
  private final Map<String, int[]> unitChains;
  private final String[] unitCodes;
  private final int[][] unitAncestors;
  private final Map<String, Pos> positions;
  private final Map<String, Holding[]> persons;
  private final Map<String, TypeInfo> types;
  private final Pos[] preOrder;

  // The evaluator's lookups by code: the maps above, as tables read with the question's hashes.
  private final CodeTable<TypeInfo> typeTable;
  private final CodeTable<int[]> unitChainTable;
  private final CodeTable<Pos> positionTable;
  private final CodeTable<Holding> personTable;
  private final OwnGrants ownGrants;

  private RegisterSnapshot() {
    this.available = false;
    this.register = null;
    this.revision = -1;
    this.days = ZoneDays.of(Register.DEFAULT_ZONE.getRules());
    this.unitIndex = Map.of();
    this.unitChains = Map.of();
    this.unitCodes = new String[0];
    this.unitAncestors = new int[0][];
    this.positions = Map.of();
    this.persons = Map.of();
    this.types = Map.of();
    this.preOrder = new Pos[0];
    this.typeTable = new CodeTable<>(types);
    this.unitChainTable = new CodeTable<>(unitChains);
    this.positionTable = new CodeTable<>(positions);
    this.personTable = new CodeTable<>(firstHoldings(persons));
    this.ownGrants = OwnGrants.EMPTY;
  }

  private RegisterSnapshot(Register register) {
    this.available = true;
    this.register = register;
    this.revision = register.revision();
    this.days = ZoneDays.of(register.zone().getRules());
    SnapshotCompiler compiler = new SnapshotCompiler(register);
    this.unitIndex = compiler.unitIndex;
    this.unitChains = compiler.unitChains;
    this.unitCodes = compiler.unitCodes;
    this.unitAncestors = compiler.unitAncestors;
    this.positions = compiler.positions;
    this.persons = compiler.persons;
    this.types = compiler.types;
    this.preOrder = compiler.preOrder;
    this.typeTable = new CodeTable<>(types);
    this.unitChainTable = new CodeTable<>(unitChains);
    this.positionTable = new CodeTable<>(positions);
    this.personTable = new CodeTable<>(firstHoldings(persons));
    this.ownGrants = compiler.ownGrants;
  }

  /** Each person's first holding, linked to the next: the evaluator reads no array of them. */
  private static Map<String, Holding> firstHoldings(Map<String, Holding[]> persons) {
    Map<String, Holding> first = new HashMap<>();
    persons.forEach(
        (person, holdings) -> {
          if (holdings.length > 0) {
            first.put(person, holdings[0]);
          }
        });
    return first;
  }

  /** Compiles {@code register}; costs time linear in its size, once per revision. */
  public static RegisterSnapshot of(Register register) {
    return new RegisterSnapshot(register);
  }

  /**
   * The snapshot to use when there is no register: every evaluation is a deny with {@link
   * Reason#REGISTER_UNAVAILABLE} (fail closed); searches answer nothing.
   */
  public static RegisterSnapshot unavailable() {
    return UNAVAILABLE;
  }

  /** The fail-closed answer: deny, {@link Reason#REGISTER_UNAVAILABLE}, revision -1. */
  public static Evaluation unavailableEvaluation() {
    return Evaluation.deny(Reason.REGISTER_UNAVAILABLE, -1, null, null, List.of());
  }

  /** Whether this snapshot holds a register. */
  public boolean isAvailable() {
    return available;
  }

  /** The revision compiled, -1 when unavailable. */
  public long revision() {
    return revision;
  }

  /** The register compiled, null when unavailable. */
  public Register register() {
    return register;
  }

  /**
   * Answers a question. Never throws for unknown codes: those are denies with {@code
   * UNKNOWN_SUBJECT} or {@code UNKNOWN_DECISION_TYPE}.
   */
  public Evaluation evaluate(Question q) {
    return evaluate(q, true);
  }

  /**
   * As {@link #evaluate(Question)}; with {@code shortcut} false without {@link OwnGrants}, so that
   * tests can hold the shortcut's answers against the full course's.
   */
  Evaluation evaluate(Question q, boolean shortcut) {
    if (!available) {
      return unavailableEvaluation();
    }
    TypeInfo ti = typeTable.get(q.decisionType(), q.decisionTypeHash);
    if (ti == null) {
      return Evaluation.deny(Reason.UNKNOWN_DECISION_TYPE, revision, null, null, List.of());
    }
    long nanos;
    long day;
    if (q.at() != null) {
      nanos = q.atNanos;
      day = days.epochDay(q.atSecond, q.at());
    } else {
      Instant now = Instant.now();
      nanos = nanos(now);
      day = epochDay(now);
    }
    if (shortcut && q.subjectKind != Subject.Kind.BODY && !ti.notMandatable) {
      Evaluation usual = ownGrantPermit(q, ti, nanos, day);
      if (usual != null) {
        return usual;
      }
    }
    // The unit and every unit above it, nearest first; null for the trying position's own unit.
    int[] unit = null;
    if (q.orgUnit() != null) {
      unit = unitChainTable.get(q.orgUnit(), q.orgUnitHash, q.orgUnitLow, q.orgUnitHigh);
      if (unit == null) {
        unit = NO_UNITS;
      }
    }
    switch (q.subjectKind) {
      case BODY:
        return evaluateBody(q.subjectCode, q, ti, nanos, day, unit);
      case POSITION:
        {
          Pos p = positionTable.get(q.subjectCode, q.subjectHash, q.subjectLow, q.subjectHigh);
          if (p == null) {
            return Evaluation.deny(Reason.UNKNOWN_SUBJECT, revision, null, null, List.of());
          }
          if (ti.notMandatable) {
            return notMandatableDeny(ti);
          }
          Evaluation e = tryPosition(p, null, q, ti, nanos, day, unit, Failure.IGNORED);
          if (e != null) {
            return e;
          }
          // A permit records nothing; a deny looks again, noting why each grant failed.
          Failure f = new Failure();
          tryPosition(p, null, q, ti, nanos, day, unit, f);
          return deny(f, q, ti, nanos, day, unit);
        }
      case PERSON:
      default:
        {
          // The first holding and its successors; a person holding nothing is only in persons.
          Holding first =
              personTable.get(q.subjectCode, q.subjectHash, q.subjectLow, q.subjectHigh);
          if (first == null && persons.get(q.subjectCode) == null) {
            return Evaluation.deny(Reason.UNKNOWN_SUBJECT, revision, null, null, List.of());
          }
          if (ti.notMandatable) {
            return notMandatableDeny(ti);
          }
          for (Holding h = first; h != null; h = h.next) {
            if (h.inForce(nanos, day)) {
              Evaluation e = tryPosition(h.pos, h, q, ti, nanos, day, unit, Failure.IGNORED);
              if (e != null) {
                return e;
              }
            }
          }
          // A permit records nothing; a deny looks again, noting why each grant failed.
          Failure f = new Failure();
          boolean held = false;
          for (Holding h = first; h != null; h = h.next) {
            if (h.inForce(nanos, day)) {
              held = true;
              tryPosition(h.pos, h, q, ti, nanos, day, unit, f);
            }
          }
          if (!held) {
            f.fail(0, Reason.NO_MANDATE, null, null, "no position held at this moment");
          }
          return deny(f, q, ti, nanos, day, unit);
        }
    }
  }

  /**
   * For tests: the answer of {@link OwnGrants} alone to a question with a moment, null where it
   * leaves the question to the full course.
   */
  Evaluation ownGrantPermit(Question q) {
    TypeInfo ti = available ? typeTable.get(q.decisionType(), q.decisionTypeHash) : null;
    if (ti == null || ti.notMandatable || q.subjectKind == Subject.Kind.BODY) {
      return null;
    }
    return ownGrantPermit(q, ti, q.atNanos, days.epochDay(q.atSecond, q.at()));
  }

  /**
   * The permit the full course would return first, when the subject's own grants in its position's
   * unit give it ({@link OwnGrants}); null when the full course must answer.
   */
  private Evaluation ownGrantPermit(Question q, TypeInfo ti, long nanos, long day) {
    // What tryPosition calls plain: nothing but the rows can refuse.
    if (q.politicallySensitive()
        || q.deviatesFromPolicy()
        || q.objection()
        || q.reportedBy() != null) {
      return null;
    }
    return ownGrants.permit(q, ti.index, nanos, day, unitChainTable);
  }

  /**
   * Who may decide {@code decisionType} in {@code orgUnit} (null: any unit) for {@code amount}
   * (null: none) at {@code moment}: the positions, lowest in the line first, with the persons
   * holding them then and the chain. Bodies deciding themselves are not listed.
   *
   * @throws IllegalArgumentException when the amount is negative or has more than two decimals
   */
  public List<DecisionMaker> whoMayDecide(
      String decisionType, String orgUnit, BigDecimal amount, Instant moment) {
    TypeInfo ti = available ? types.get(decisionType) : null;
    if (ti == null || ti.notMandatable) {
      return List.of();
    }
    if (orgUnit != null) {
      return whoMayDecideByScan(decisionType, orgUnit, amount, moment);
    }
    long cents = amount == null ? -1 : Amounts.toCents(amount);
    return anyUnitSearch(ti).search(ti, cents, nanos(moment), epochDay(moment));
  }

  /**
   * The any-unit skeleton of {@code ti}, built by the first search that needs it: most types are
   * never searched without a unit, and building all of them would slow every snapshot. Two threads
   * may both build it; they build the same immutable thing.
   */
  private AnyUnitSearch anyUnitSearch(TypeInfo ti) {
    AnyUnitSearch s = ti.anyUnit;
    if (s == null) {
      s = AnyUnitSearch.of(ti, preOrder.length);
      ti.anyUnit = s;
    }
    return s;
  }

  /**
   * The search by scanning the grants: for a unit, those of the unit and the units above it; for
   * none, every grant of the type (the reference the any-unit skeleton is tested against).
   */
  List<DecisionMaker> whoMayDecideByScan(
      String decisionType, String orgUnit, BigDecimal amount, Instant moment) {
    TypeInfo ti = available ? types.get(decisionType) : null;
    if (ti == null || ti.notMandatable) {
      return List.of();
    }
    long cents = amount == null ? -1 : Amounts.toCents(amount);
    long nanos = nanos(moment);
    long day = epochDay(moment);
    Found found = new Found(preOrder.length);
    if (orgUnit == null) {
      for (Cand c : ti.direct) {
        collect(c, ti, cents, nanos, day, found);
      }
    } else {
      Integer u = unitIndex.get(orgUnit);
      if (u == null) {
        return List.of();
      }
      for (int a : unitAncestors[u]) {
        long range = ti.rowsByUnit.get(a);
        for (int r = IntRangeMap.start(range), end = IntRangeMap.end(range); r < end; r++) {
          collect(ti.rowCands[r], ti, cents, nanos, day, found);
        }
      }
    }
    // Lowest in the line first; among equals, in the order found: a stable counting sort.
    int[] atDepth = new int[found.maxDepth + 2];
    for (int i = 0; i < found.size; i++) {
      atDepth[found.maxDepth - found.pos[i].depth + 1]++;
    }
    for (int d = 1; d < atDepth.length; d++) {
      atDepth[d] += atDepth[d - 1];
    }
    DecisionMaker[] result = new DecisionMaker[found.size];
    for (int i = 0; i < found.size; i++) {
      Pos p = found.pos[i];
      result[atDepth[found.maxDepth - p.depth]++] = decisionMaker(p, found.chains[i], nanos, day);
    }
    return List.of(result);
  }

  static DecisionMaker decisionMaker(Pos p, List<ChainLink> chain, long nanos, long day) {
    // Mostly every assignment is in force and no substitution: the lists built at compile time.
    boolean usual = true;
    for (Holding h : p.holdings) {
      if (h.inForce(nanos, day) == h.substitution) {
        usual = false;
        break;
      }
    }
    if (usual) {
      return new DecisionMaker(p.code, p.assigned, List.of(), chain);
    }
    List<String> holders = new ArrayList<>();
    List<String> substitutes = new ArrayList<>();
    for (Holding h : p.holdings) {
      if (h.inForce(nanos, day)) {
        (h.substitution ? substitutes : holders).add(h.person);
      }
    }
    return new DecisionMaker(p.code, holders, substitutes, chain);
  }

  /** The positions found so far by a search, in the order found, each once, with its chain. */
  private static final class Found {
    final long[] seen;
    Pos[] pos = new Pos[16];

    @SuppressWarnings("unchecked")
    List<ChainLink>[] chains = new List[16];

    int size;
    int maxDepth;

    Found(int positions) {
      seen = new long[(positions + 63) >>> 6];
    }

    void add(Pos p, List<ChainLink> chain) {
      if (size == pos.length) {
        pos = Arrays.copyOf(pos, size * 2);
        chains = Arrays.copyOf(chains, size * 2);
      }
      pos[size] = p;
      chains[size++] = chain;
      maxDepth = Math.max(maxDepth, p.depth);
    }

    /** Marks {@code p} found; false when it was already. */
    boolean mark(Pos p) {
      int word = p.tin >>> 6;
      long bit = 1L << p.tin;
      if ((seen[word] & bit) != 0) {
        return false;
      }
      seen[word] |= bit;
      return true;
    }
  }

  private void collect(Cand c, TypeInfo ti, long cents, long nanos, long day, Found found) {
    if (c.recordedNanos > nanos
        || c.revokedNanos <= nanos
        || day < c.fromDay
        || day > c.toDay
        || c.signatureOnly
        || (cents >= 0 && cents > c.ceiling)
        || mandatorLacksPower(c, ti, nanos, day)) {
      return;
    }
    Pos h = c.holder;
    // A position that does not exist that day is never listed, so marking it changes nothing.
    if (found.mark(h) && h.existsOn(day)) {
      found.add(h, c.chain);
    }
    if (c.excludesHigher) {
      return;
    }
    Pos p = h.up;
    for (int i = 0; p != null && i < 64; i++, p = p.up) {
      if (found.mark(p) && p.existsOn(day)) {
        ChainLink[] links = c.chain.toArray(new ChainLink[c.chain.size() + 1]);
        links[links.length - 1] = ChainLink.higherPosition(h.code, p.code);
        found.add(p, List.of(links));
      }
    }
  }

  /**
   * What {@code subject} may decide at {@code moment}: per decision type and position, the units
   * (empty: every unit), the effective ceiling and the chain, including grants held below the
   * position (rule 20). For a body: the types it holds by law and has not delegated away, and those
   * delegated to it.
   */
  public List<Competence> whatMayDecide(Subject subject, Instant moment) {
    if (!available) {
      return List.of();
    }
    long nanos = nanos(moment);
    long day = epochDay(moment);
    List<Competence> result = new ArrayList<>();
    if (subject.kind() == Subject.Kind.BODY) {
      for (DecisionType t : register.decisionTypes().values()) {
        TypeInfo ti = types.get(t.code());
        if (t.competentBody().equals(subject.code())
            && firstInForce(ti.delegatedBy.get(subject.code()), nanos, day) == null) {
          result.add(
              new Competence(
                  ti.code,
                  null,
                  List.of(),
                  null,
                  List.of(),
                  List.of(),
                  List.of(ChainLink.body(subject.code())),
                  false));
        }
        Cand d = firstInForce(ti.delegationsHeld.get(subject.code()), nanos, day);
        if (d != null) {
          result.add(competence(ti.code, null, d, d.chain, false));
        }
      }
      return List.copyOf(result);
    }
    if (subject.kind() == Subject.Kind.POSITION) {
      Pos p = positions.get(subject.code());
      if (p != null) {
        addCompetences(result, p, null, nanos, day);
      }
    } else {
      Holding[] holdings = persons.getOrDefault(subject.code(), new Holding[0]);
      for (Holding h : holdings) {
        if (h.inForce(nanos, day)) {
          addCompetences(result, h.pos, h, nanos, day);
        }
      }
    }
    return List.copyOf(result);
  }

  private void addCompetences(List<Competence> result, Pos p, Holding h, long nanos, long day) {
    if (!p.existsOn(day)) {
      return;
    }
    for (int i = p.tin; i < p.tout; i++) {
      Pos holder = preOrder[i];
      for (Cand c : holder.own) {
        if (!p.mayExercise(c)
            || c.recordedNanos > nanos
            || c.revokedNanos <= nanos
            || day < c.fromDay
            || day > c.toDay) {
          continue;
        }
        List<ChainLink> chain =
            holder == p
                ? c.chain
                : new ChainList(c.chain, ChainLink.higherPosition(holder.code, p.code));
        if (h != null) {
          chain = new ChainList(chain, h.link);
        }
        for (String type : c.types) {
          TypeInfo ti = types.get(type);
          if (ti == null || ti.notMandatable || mandatorLacksPower(c, ti, nanos, day)) {
            continue;
          }
          result.add(competence(type, p.code, c, chain, h != null && h.substitution));
        }
      }
    }
  }

  private Competence competence(
      String type, String position, Cand c, List<ChainLink> chain, boolean viaSubstitution) {
    List<String> units = new ArrayList<>();
    if (c.unitRoots != null) {
      for (int u : c.unitRoots) {
        units.add(unitCodes[u]);
      }
    }
    return new Competence(
        type,
        position,
        units,
        Amounts.fromCents(c.ceiling),
        c.allCoSigns,
        c.instructions,
        chain,
        viaSubstitution);
  }

  // ---- the hot path ----

  /**
   * The permit of position {@code p} (held by {@code h}, null for the position itself), or null
   * after noting why not in {@code f}. Looks only at grants covering the unit or a unit above it,
   * so its cost does not grow with the register: first those {@code p} holds, then those held below
   * it (rule 20).
   */
  private Evaluation tryPosition(
      Pos p, Holding h, Question q, TypeInfo ti, long nanos, long day, int[] unit, Failure f) {
    // Through a holding, the position's interval and lifetime are read from the holding.
    if (h == null ? !p.existsOn(day) : !h.positionExistsOn(day)) {
      f.fail(0, Reason.NO_MANDATE, null, p, "position does not exist at this date");
      return null;
    }
    int[] ancestors = unit == null ? p.unitChain : unit;
    Action action = q.action();
    long[] rows = ti.rows;
    int tin = h == null ? p.tin : h.tin;
    int tout = h == null ? p.tout : h.tout;
    long needed = Row.needed(action);
    long refused = Row.refused(action);
    boolean plain = plain(q, h);
    // Rule 20: the position may exercise the grants held below it, unless a grant excludes that,
    // but its own answer first. One scan of each unit's rows takes both in the order of two passes,
    // own grants and then those below: the first own grant that permits answers at once, the first
    // below that permits answers when no own grant does, and a failure below is reported only when
    // it got further than every own one.
    Failure failedBelow = f.ignored ? f : new Failure();
    int permitsBelow = -1;
    boolean any = false;
    for (int a : ancestors) {
      long range = ti.rowsByUnit.get(a);
      for (int r = IntRangeMap.start(range), end = IntRangeMap.end(range); r < end; r++) {
        int o = r * Row.STRIDE;
        int holderTin = (int) rows[o + Row.HOLDER_TIN];
        boolean own = holderTin == tin;
        if (!own
            && (permitsBelow >= 0
                || holderTin <= tin
                || holderTin >= tout
                || !exercisableFromAbove(rows, o, action))) {
          continue;
        }
        int verdict =
            rowVerdict(ti, r, p, h, q, nanos, day, needed, refused, plain, own ? f : failedBelow);
        if (verdict == NOT_RECORDED) {
          continue;
        }
        any = true;
        if (verdict == PERMITS) {
          if (own) {
            return permit(ti, r, p, h, q, false);
          }
          permitsBelow = r;
        }
      }
    }
    if (permitsBelow >= 0) {
      return permit(ti, permitsBelow, p, h, q, true);
    }
    f.takeIfFurther(failedBelow);
    if (!any && !f.ignored) {
      Cand first = earliestExercisable(p, ti);
      if (first != null && first.recordedNanos <= nanos) {
        f.fail(1, Reason.OUT_OF_SCOPE, first, p, "orgUnit");
      } else {
        f.fail(0, Reason.NO_MANDATE, null, p, "no grant for this decision type");
      }
    }
    return null;
  }

  /**
   * Without flags, a reporter, or a substitute sub-mandating, nothing after the ceiling refuses a
   * grant: its row alone decides.
   */
  private static boolean plain(Question q, Holding h) {
    return !q.politicallySensitive()
        && !q.deviatesFromPolicy()
        && !q.objection()
        && (h == null
            || (q.reportedBy() == null && !(q.action() == Action.SUB_MANDATE && h.substitution)));
  }

  /**
   * Whether positions above the holder may exercise the grant of the row at {@code o} for {@code
   * action} (rule 20): not when the grant excludes them, and sub-mandating is for the holder itself
   * (Awb 10:9).
   */
  private static boolean exercisableFromAbove(long[] rows, int o, Action action) {
    return action != Action.SUB_MANDATE && (rows[o + Row.FLAGS] & Row.EXCLUDES_HIGHER) == 0;
  }

  /** What {@link #rowVerdict} says of a grant. */
  private static final int PERMITS = 0;

  /** The grant was not yet recorded at the moment: as if it did not exist. */
  private static final int NOT_RECORDED = 1;

  /** The grant does not permit; noted in the failure. */
  private static final int REFUSED = 2;

  /**
   * Not for this position, but perhaps for one higher up: the case deviates from policy and the
   * position lies below the grant's escalation target (rule 21).
   */
  private static final int HIGHER_UP = 3;

  /**
   * Whether the grant of row {@code r}, which {@code p} may exercise, permits the question for it
   * (held by {@code h}, or null for the position itself); when not, why not is noted in {@code f}.
   */
  private int rowVerdict(
      TypeInfo ti,
      int r,
      Pos p,
      Holding h,
      Question q,
      long nanos,
      long day,
      long needed,
      long refused,
      boolean plain,
      Failure f) {
    long[] rows = ti.rows;
    int o = r * Row.STRIDE;
    switch (Row.inForce(rows, o, nanos, day)) {
      case Row.NOT_RECORDED:
        return NOT_RECORDED;
      case Row.WAS_REVOKED:
        f.fail(2, Reason.REVOKED, ti.rowCands[r], p, "revoked");
        return REFUSED;
      case Row.NOT_YET_VALID:
        f.fail(3, Reason.NOT_YET_VALID, ti.rowCands[r], p, "validFrom");
        return REFUSED;
      case Row.EXPIRED:
        f.fail(3, Reason.EXPIRED, ti.rowCands[r], p, "validTo");
        return REFUSED;
      case Row.POWER_UNCERTAIN:
        if (mandatorLacksPower(ti.rowCands[r], ti, nanos, day)) {
          // Awb 10:17, rule 18: a mandate is worth no more than the mandator's power.
          f.fail(3, Reason.NO_MANDATE, ti.rowCands[r], p, "the mandator does not hold the power");
          return REFUSED;
        }
        break;
      default:
        break;
    }
    switch (Row.refusal(rows, o, q.amountCents, needed, refused)) {
      case Row.SIGNATURE_ONLY_REFUSED:
        f.fail(4, Reason.NO_MANDATE, ti.rowCands[r], p, "signature mandate only");
        return REFUSED;
      case Row.NO_SUB_MANDATE:
        f.fail(4, Reason.NO_MANDATE, ti.rowCands[r], p, "sub-mandate not allowed");
        return REFUSED;
      case Row.ABOVE_CEILING:
        f.fail(5, Reason.CEILING_EXCEEDED, ti.rowCands[r], p, "ceiling");
        return REFUSED;
      default:
        break;
    }
    if (plain) {
      return PERMITS;
    }
    Cand c = ti.rowCands[r];
    if (q.politicallySensitive()) {
      // Rule 21
      f.escalate(c, p, "politically sensitive", c.mandatorBody);
      return REFUSED;
    }
    if (q.deviatesFromPolicy() && !handlesDeviations(c, p)) {
      // Rule 21: deviations go to the grant's escalation target, else the body.
      f.escalate(
          c,
          p,
          "deviates from policy",
          c.escalationTarget != null ? c.escalationTarget : c.mandatorBody);
      return HIGHER_UP;
    }
    if (q.objection()) {
      if (q.objectionPrimaryByBody()) {
        // Rule 21: an objection against the body's own decision goes to the body.
        f.escalate(c, p, "objection against a decision of the body itself", c.mandatorBody);
        return REFUSED;
      }
      if (h != null && h.person.equals(q.objectionPrimaryDecider())) {
        // Awb 10:3(3)
        f.fail(7, Reason.SAME_DECIDER, c, p, "took the primary decision");
        return REFUSED;
      }
    }
    if (h != null && h.person.equals(q.reportedBy())) {
      // Awb 10:3(4)
      f.fail(7, Reason.SAME_DECIDER, c, p, "reported the offence");
      return REFUSED;
    }
    if (q.action() == Action.SUB_MANDATE && h != null && h.substitution) {
      // Rule 19
      f.fail(8, Reason.SUBSTITUTE_MAY_NOT_GRANT, c, p, "substitute");
      return REFUSED;
    }
    return PERMITS;
  }

  /**
   * The earliest recorded grant for the type that {@code p} may exercise in some unit: its own, or
   * one held below it that does not exclude higher positions (rule 20).
   */
  private static Cand earliestExercisable(Pos p, TypeInfo ti) {
    Cand below = ti.earliest(p.tin, p.tout);
    Cand own = ti.earliestExcluding(p.tin);
    return own != null && earlier(own, below) ? own : below;
  }

  private static boolean earlier(Cand c, Cand than) {
    return than == null
        || c.recordedNanos < than.recordedNanos
        || (c.recordedNanos == than.recordedNanos && c.order < than.order);
  }

  /** The permit of row {@code r}: the shared one where it fits, else built for the question. */
  private Evaluation permit(TypeInfo ti, int r, Pos p, Holding h, Question q, boolean higher) {
    if (!higher) {
      Evaluation shared =
          h == null
              ? ti.holderPermits[r]
              : h.permits[(int) ti.rows[r * Row.STRIDE + Row.OWN_INDEX]];
      if (shared != null) {
        return shared;
      }
    }
    Cand c = ti.rowCands[r];
    return permit(
        c,
        p.code,
        higher ? ChainLink.higherPosition(c.holder.code, p.code) : null,
        h == null ? null : h.link,
        q);
  }

  /**
   * The permit of grant {@code c} built for the question (its co-signs may depend on the amount),
   * exercised by {@code position}: above the holder ({@code above}, rule 20) or not (null), held by
   * a person ({@code holding}, the assignment or substitution) or asked by the position (null).
   */
  private Evaluation permit(
      Cand c, String position, ChainLink above, ChainLink holding, Question q) {
    List<String> conditions = c.coSignThresholded ? coSigns(c, q.amountCents) : c.allCoSigns;
    List<ChainLink> chain = above == null ? c.chain : new ChainList(c.chain, above);
    if (holding != null) {
      chain = new ChainList(chain, holding);
    }
    return permitOf(c, position, chain, conditions, revision);
  }

  /**
   * The permit of grant {@code c} exercised by {@code position} with these chain and conditions.
   */
  static Evaluation permitOf(
      Cand c, String position, List<ChainLink> chain, List<String> conditions, long revision) {
    return new Evaluation(
        true,
        Reason.PERMIT,
        conditions,
        c.instructions,
        c.signature,
        c.mandatorBody,
        position,
        chain,
        revision,
        null,
        null);
  }

  /** Whether {@code p} may take a deviating case: it is the grant's escalation target or above. */
  private boolean handlesDeviations(Cand c, Pos p) {
    String target = c.escalationTarget;
    if (target == null) {
      return false;
    }
    Pos t = positions.get(target);
    return t != null && p.isAtOrAbove(t) && t.isAtOrAbove(c.holder);
  }

  /** The co-signs of {@code c} required for an amount of {@code cents} (-1: none given). */
  static List<String> coSigns(Cand c, long cents) {
    List<String> result = new ArrayList<>(c.coSignUnits.length);
    for (int i = 0; i < c.coSignUnits.length; i++) {
      // Without an amount a thresholded co-sign is required: fail closed.
      if (c.coSignAbove[i] < 0 || cents < 0 || cents > c.coSignAbove[i]) {
        result.add(c.coSignConditions[i]);
      }
    }
    return List.copyOf(result);
  }

  private static boolean covers(int[] roots, int[] ancestors) {
    if (roots == null) {
      return true;
    }
    for (int a : ancestors) {
      for (int r : roots) {
        if (a == r) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the body whose power the candidate exercises does not hold it at the moment: it
   * delegated it away (Awb 10:17), or it held it only by a delegation no longer in force (rule 18).
   */
  static boolean mandatorLacksPower(Cand c, TypeInfo ti, long nanos, long day) {
    String body = c.mandatorBody;
    if (body == null) {
      return false;
    }
    if (body.equals(ti.type.competentBody())) {
      return !ti.delegatedBy.isEmpty()
          && firstInForce(ti.delegatedBy.get(body), nanos, day) != null;
    }
    return firstInForce(ti.delegationsHeld.get(body), nanos, day) == null;
  }

  private static Cand firstInForce(Cand[] cands, long nanos, long day) {
    if (cands == null) {
      return null;
    }
    for (Cand d : cands) {
      if (d.recordedNanos <= nanos
          && d.revokedNanos > nanos
          && day >= d.fromDay
          && day <= d.toDay) {
        return d;
      }
    }
    return null;
  }

  private Evaluation notMandatableDeny(TypeInfo ti) {
    String why =
        ti.type.reservedToRaad()
            ? "reserved to the raad (Gemeentewet 156(2))"
            : (ti.type.notMandatableReason() != null
                ? ti.type.notMandatableReason()
                : "not mandatable (Awb 10:3)");
    return Evaluation.deny(
        Reason.NOT_MANDATABLE,
        revision,
        new FailedAt(null, null, why),
        ti.type.competentBody(),
        List.of());
  }

  private Evaluation evaluateBody(
      String body, Question q, TypeInfo ti, long nanos, long day, int[] unit) {
    if (!register.bodies().containsKey(body)) {
      return Evaluation.deny(Reason.UNKNOWN_SUBJECT, revision, null, null, List.of());
    }
    if (ti.type.competentBody().equals(body)) {
      Cand d = firstInForce(ti.delegatedBy.get(body), nanos, day);
      if (d != null) {
        // Awb 10:17
        return Evaluation.deny(
            Reason.NO_MANDATE,
            revision,
            new FailedAt(d.leaf.id(), null, "power delegated to " + d.leaf.holder()),
            d.leaf.holder(),
            d.chain);
      }
      // Awb 10:7: the mandator keeps the power.
      return new Evaluation(
          true,
          Reason.PERMIT,
          List.of(),
          List.of(),
          register.bodies().get(body).fullName(),
          body,
          null,
          List.of(ChainLink.body(body)),
          revision,
          null,
          null);
    }
    Cand[] held = ti.delegationsHeld.get(body);
    Failure f = new Failure();
    if (held != null) {
      for (Cand c : held) {
        if (c.recordedNanos > nanos) {
          continue;
        }
        if (c.revokedNanos <= nanos) {
          f.fail(2, Reason.REVOKED, c, null, "revoked");
        } else if (day < c.fromDay) {
          f.fail(3, Reason.NOT_YET_VALID, c, null, "validFrom");
        } else if (day > c.toDay) {
          f.fail(3, Reason.EXPIRED, c, null, "validTo");
        } else if (unit != null && (unit.length == 0 || !covers(c.unitRoots, unit))) {
          f.fail(1, Reason.OUT_OF_SCOPE, c, null, "orgUnit");
        } else if (q.amountCents > c.ceiling) {
          f.fail(5, Reason.CEILING_EXCEEDED, c, null, "ceiling");
        } else {
          // Awb 10:19: the delegate decides in its own name, citing the delegation decision.
          return new Evaluation(
              true,
              Reason.PERMIT,
              c.allCoSigns,
              c.instructions,
              c.signature,
              body,
              null,
              c.chain,
              revision,
              null,
              null);
        }
      }
    }
    if (f.reason == null) {
      f.fail(0, Reason.NO_MANDATE, null, null, "not competent");
    }
    return Evaluation.deny(
        f.reason,
        revision,
        new FailedAt(f.grantId(), null, describe(f)),
        ti.type.competentBody(),
        List.of());
  }

  private Evaluation deny(Failure f, Question q, TypeInfo ti, long nanos, long day, int[] unit) {
    Reason reason = f.reason == null ? Reason.NO_MANDATE : f.reason;
    FailedAt failedAt = new FailedAt(f.grantId(), f.pos == null ? null : f.pos.code, describe(f));
    String escalateTo = f.escalateTo;
    if (escalateTo == null) {
      escalateTo = escalateUp(f.pos, q, ti, nanos, day, unit);
    }
    if (escalateTo == null) {
      escalateTo = f.cand != null ? f.cand.mandatorBody : competentNow(ti, nanos, day);
    }
    List<ChainLink> chain = f.cand == null ? List.of() : f.cand.chain;
    return Evaluation.deny(reason, revision, failedAt, escalateTo, chain);
  }

  private String competentNow(TypeInfo ti, long nanos, long day) {
    String body = ti.type.competentBody();
    Cand d = firstInForce(ti.delegatedBy.get(body), nanos, day);
    return d != null ? d.leaf.holder() : body;
  }

  /**
   * The nearest position up the line from {@code from} that may decide the question itself: the
   * first for which {@link #tryPosition} would permit. One scan of the units' grants answers for
   * the whole line, since each grant names the nearest position on the line that may exercise it:
   * its holder, or (rule 20) the first one above it.
   */
  private String escalateUp(Pos from, Question q, TypeInfo ti, long nanos, long day, int[] unit) {
    if (from == null) {
      return null;
    }
    Pos[] line = new Pos[8];
    int n = 0;
    for (Pos p = from.up; p != null && n < 64; p = p.up) {
      if (n == line.length) {
        line = Arrays.copyOf(line, 2 * n);
      }
      line[n++] = p;
    }
    int[] ancestors = unit == null ? from.unitChain : unit;
    long[] rows = ti.rows;
    long needed = Row.needed(q.action());
    long refused = Row.refused(q.action());
    boolean plain = plain(q, null);
    // The nearest position found so far that may decide; n while none.
    int nearest = n;
    for (int a : ancestors) {
      long range = ti.rowsByUnit.get(a);
      for (int r = IntRangeMap.start(range), end = IntRangeMap.end(range); r < end; r++) {
        int o = r * Row.STRIDE;
        int holderTin = (int) rows[o + Row.HOLDER_TIN];
        int k = 0;
        while (k < nearest && !line[k].isAtOrAbove(holderTin)) {
          k++;
        }
        boolean higherToo = exercisableFromAbove(rows, o, q.action());
        if (k == nearest || (line[k].tin != holderTin && !higherToo)) {
          continue;
        }
        // From there up, the first position that exists and may decide with this grant.
        for (; k < nearest; k++) {
          int verdict =
              line[k].existsOn(day)
                  ? rowVerdict(
                      ti, r, line[k], null, q, nanos, day, needed, refused, plain, Failure.IGNORED)
                  : HIGHER_UP;
          if (verdict == PERMITS) {
            nearest = k;
            break;
          }
          if (verdict != HIGHER_UP || !higherToo) {
            break;
          }
        }
      }
    }
    return nearest < n ? line[nearest].code : null;
  }

  private String describe(Failure f) {
    if (f.cand == null || f.condition == null) {
      return f.condition;
    }
    int limit =
        switch (f.condition) {
          case "revoked" -> 0;
          case "validFrom" -> 1;
          case "validTo" -> 2;
          case "ceiling" -> 3;
          case "orgUnit" -> 4;
          default -> -1;
        };
    if (limit < 0) {
      return f.condition;
    }
    Cand c = f.cand;
    String[] described = c.described;
    if (described == null) {
      described = new String[5];
      c.described = described;
    }
    String sentence = described[limit];
    if (sentence == null) {
      sentence =
          switch (limit) {
            case 0 -> "revoked at " + Instant.EPOCH.plusNanos(c.revokedNanos);
            case 1 -> "valid from " + LocalDate.ofEpochDay(c.fromDay);
            case 2 -> "valid to " + LocalDate.ofEpochDay(c.toDay);
            case 3 -> "ceiling " + Amounts.fromCents(c.ceiling).toPlainString();
            default -> "orgUnit not within " + unitNames(c.unitRoots);
          };
      described[limit] = sentence;
    }
    return sentence;
  }

  private List<String> unitNames(int[] roots) {
    List<String> names = new ArrayList<>();
    if (roots != null) {
      for (int r : roots) {
        names.add(unitCodes[r]);
      }
    }
    return names;
  }

  private long epochDay(Instant at) {
    return days.epochDay(at);
  }

  static long nanos(Instant t) {
    long s = t.getEpochSecond();
    if (s >= 9_000_000_000L) {
      return Long.MAX_VALUE - 1;
    }
    if (s <= -9_000_000_000L) {
      return Long.MIN_VALUE + 1;
    }
    return s * 1_000_000_000L + t.getNano();
  }

  /** The most informative failure so far: a candidate that got further through the checks. */
  private static final class Failure {
    /** When only a permit matters, not why not: the first look, and positions up the line. */
    static final Failure IGNORED = new Failure(true);

    final boolean ignored;
    int rank = -1;
    Reason reason;
    Cand cand;
    Pos pos;
    String condition;
    String escalateTo;

    Failure() {
      this(false);
    }

    private Failure(boolean ignored) {
      this.ignored = ignored;
    }

    void fail(int rank, Reason reason, Cand cand, Pos pos, String condition) {
      if (!ignored && rank > this.rank) {
        this.rank = rank;
        this.reason = reason;
        this.cand = cand;
        this.pos = pos;
        this.condition = condition;
        this.escalateTo = null;
      }
    }

    /** Takes the failure noted in {@code other} when it got further than this one's. */
    void takeIfFurther(Failure other) {
      if (other != this && other.rank > rank) {
        fail(other.rank, other.reason, other.cand, other.pos, other.condition);
        this.escalateTo = other.escalateTo;
      }
    }

    void escalate(Cand cand, Pos pos, String condition, String target) {
      if (!ignored && 6 > rank) {
        fail(6, Reason.ESCALATE, cand, pos, condition);
        this.escalateTo = target;
      }
    }

    /** The grant that set the failing limit. */
    String grantId() {
      if (cand == null || condition == null) {
        return null;
      }
      return switch (condition) {
        case "revoked" -> cand.revokedGrant;
        case "validFrom" -> cand.fromGrant;
        case "validTo" -> cand.toGrant;
        case "ceiling" -> cand.ceilingGrant;
        case "orgUnit" -> cand.unitGrant;
        default -> cand.leaf.id();
      };
    }
  }

  /** Compiles a register; used once per snapshot. */
  private static final class SnapshotCompiler {
    final Register register;
    final Map<String, Integer> unitIndex = new HashMap<>();
    final Map<String, int[]> unitChains = new HashMap<>();
    String[] unitCodes;
    int[][] unitAncestors;
    final Map<String, Pos> positions = new HashMap<>();
    final Map<String, Holding[]> persons = new HashMap<>();
    final Map<String, TypeInfo> types = new HashMap<>();
    Pos[] preOrder;
    OwnGrants ownGrants;
    private static final Cand BROKEN = new Cand();
    private final Map<String, Cand> compiled = new HashMap<>();
    private final Set<String> compiling = new HashSet<>();
    private final Map<String, List<String>> listCache = new HashMap<>();

    SnapshotCompiler(Register register) {
      this.register = register;
      compileUnits();
      compilePositions();
      compilePersons();
      for (DecisionType t : register.decisionTypes().values()) {
        types.put(t.code(), new TypeInfo(t, types.size()));
      }
      compileGrants();
      int[] allRoots = treeRoots();
      ownGrants =
          OwnGrants.of(
              positions.values(),
              persons,
              types,
              unitCodes,
              c -> c.unitRoots != null ? c.unitRoots : allRoots,
              register.revision());
    }

    private void compileUnits() {
      List<OrgUnit> units = new ArrayList<>(register.units().values());
      unitCodes = new String[units.size()];
      for (int i = 0; i < units.size(); i++) {
        unitIndex.put(units.get(i).code(), i);
        unitCodes[i] = units.get(i).code();
      }
      unitAncestors = new int[units.size()][];
      for (int i = 0; i < units.size(); i++) {
        List<Integer> chain = new ArrayList<>();
        OrgUnit u = units.get(i);
        while (u != null && chain.size() < 64) {
          Integer idx = unitIndex.get(u.code());
          if (idx == null || chain.contains(idx)) {
            break;
          }
          chain.add(idx);
          u = u.parentCode() == null ? null : register.units().get(u.parentCode());
        }
        unitAncestors[i] = chain.stream().mapToInt(Integer::intValue).toArray();
        unitChains.put(unitCodes[i], unitAncestors[i]);
      }
    }

    private void compilePositions() {
      for (Position p : register.positions().values()) {
        Integer unit = unitIndex.get(p.unitCode());
        Pos pos = new Pos(p, unit == null ? -2 : unit);
        pos.unitChain = unit == null ? NO_UNITS : unitAncestors[unit];
        positions.put(p.code(), pos);
      }
      for (Pos p : positions.values()) {
        String up = p.position.reportsTo();
        p.up = up == null ? null : positions.get(up);
      }
      // A cycle in reportsTo would make the line endless: cut it where it closes.
      int walk = 0;
      for (Pos p : positions.values()) {
        walk++;
        Pos previous = null;
        for (Pos q = p; q != null; previous = q, q = q.up) {
          if (q.mark == walk) {
            previous.up = null;
            break;
          }
          if (q.mark != 0) {
            break; // an earlier walk went on from here without a cycle
          }
          q.mark = walk;
        }
      }
      Map<Pos, List<Pos>> below = new HashMap<>();
      List<Pos> roots = new ArrayList<>();
      for (Position position : register.positions().values()) {
        Pos p = positions.get(position.code());
        if (p.up == null) {
          roots.add(p);
        } else {
          below.computeIfAbsent(p.up, k -> new ArrayList<>()).add(p);
        }
      }
      preOrder = new Pos[positions.size()];
      int n = 0;
      ArrayDeque<Pos> stack = new ArrayDeque<>();
      ArrayDeque<Integer> next = new ArrayDeque<>();
      for (Pos root : roots) {
        root.depth = 0;
        root.tin = n;
        preOrder[n++] = root;
        stack.push(root);
        next.push(0);
        while (!stack.isEmpty()) {
          Pos top = stack.peek();
          List<Pos> kids = below.getOrDefault(top, List.of());
          int i = next.pop();
          if (i < kids.size()) {
            next.push(i + 1);
            Pos kid = kids.get(i);
            kid.depth = top.depth + 1;
            kid.tin = n;
            preOrder[n++] = kid;
            stack.push(kid);
            next.push(0);
          } else {
            top.tout = n;
            stack.pop();
          }
        }
      }
    }

    private void compilePersons() {
      Map<String, List<Holding>> byPerson = new LinkedHashMap<>();
      Map<Pos, List<Holding>> byPosition = new HashMap<>();
      for (Person person : register.persons().values()) {
        byPerson.put(person.username(), new ArrayList<>());
      }
      for (Assignment a : register.assignments()) {
        Pos p = positions.get(a.position());
        List<Holding> list = byPerson.get(a.person());
        if (p != null && list != null) {
          Holding h = holding(p, a.person(), a.window(), a.recordedAt(), false);
          list.add(h);
          byPosition.computeIfAbsent(p, k -> new ArrayList<>()).add(h);
        }
      }
      for (Substitution s : register.substitutions()) {
        Pos p = positions.get(s.position());
        List<Holding> list = byPerson.get(s.substitute());
        if (p != null && list != null) {
          Holding h = holding(p, s.substitute(), s.window(), s.recordedAt(), true);
          list.add(h);
          byPosition.computeIfAbsent(p, k -> new ArrayList<>()).add(h);
        }
      }
      byPerson.forEach((k, v) -> persons.put(k, v.toArray(new Holding[0])));
      for (List<Holding> list : byPerson.values()) {
        for (int i = 1; i < list.size(); i++) {
          list.get(i - 1).next = list.get(i);
        }
      }
      for (Pos p : positions.values()) {
        p.holdings = byPosition.getOrDefault(p, List.of()).toArray(new Holding[0]);
        List<String> assigned = new ArrayList<>();
        for (Holding h : p.holdings) {
          if (!h.substitution) {
            assigned.add(h.person);
          }
        }
        p.assigned = List.copyOf(assigned);
      }
    }

    private static Holding holding(
        Pos p, String person, Window w, Instant recordedAt, boolean substitution) {
      return new Holding(
          p,
          person,
          w.from().toEpochDay(),
          w.to() == null ? Long.MAX_VALUE : w.to().toEpochDay(),
          nanos(recordedAt),
          substitution);
    }

    private static final Comparator<Cand> BY_TIN =
        Comparator.comparingInt((Cand c) -> c.holder.tin).thenComparingInt(c -> c.order);

    private void compileGrants() {
      Map<Pos, List<Cand>> own = new HashMap<>();
      Map<String, List<Cand>> direct = new HashMap<>();
      Map<TypeInfo, Map<Integer, List<Cand>>> byUnit = new HashMap<>();
      Map<String, Map<String, List<Cand>>> delegatedBy = new HashMap<>();
      Map<String, Map<String, List<Cand>>> delegationsHeld = new HashMap<>();
      int order = 0;
      for (Grant g : register.grants().values()) {
        Cand c = compile(g);
        if (c == null) {
          continue;
        }
        c.order = order++;
        if (g.kind() == GrantKind.DELEGATION) {
          for (String t : c.types) {
            delegatedBy
                .computeIfAbsent(t, k -> new HashMap<>())
                .computeIfAbsent(g.grantor(), k -> new ArrayList<>())
                .add(c);
            delegationsHeld
                .computeIfAbsent(t, k -> new HashMap<>())
                .computeIfAbsent(g.holder(), k -> new ArrayList<>())
                .add(c);
          }
          continue;
        }
        if (c.holder == null) {
          continue;
        }
        own.computeIfAbsent(c.holder, k -> new ArrayList<>()).add(c);
        for (String t : c.types) {
          direct.computeIfAbsent(t, k -> new ArrayList<>()).add(c);
          TypeInfo ti = types.get(t);
          if (ti == null) {
            continue;
          }
          Map<Integer, List<Cand>> m = byUnit.computeIfAbsent(ti, k -> new HashMap<>());
          for (int root : c.unitRoots != null ? c.unitRoots : treeRoots()) {
            m.computeIfAbsent(root, k -> new ArrayList<>()).add(c);
          }
        }
      }
      for (Pos p : positions.values()) {
        p.own = own.getOrDefault(p, List.of()).toArray(NO_CANDS);
        for (int i = 0; i < p.own.length; i++) {
          p.own[i].ownIndex = i;
        }
      }
      for (TypeInfo ti : types.values()) {
        ti.direct = direct.getOrDefault(ti.code, List.of()).toArray(NO_CANDS);
        Cand[] higher =
            Arrays.stream(ti.direct).filter(c -> !c.excludesHigher).toArray(Cand[]::new);
        Arrays.sort(higher, BY_TIN);
        ti.index(higher);
        ti.indexExcluding(
            Arrays.stream(ti.direct).filter(c -> c.excludesHigher).toArray(Cand[]::new));
        ti.delegatedBy = freeze(delegatedBy.get(ti.code));
        ti.delegationsHeld = freeze(delegationsHeld.get(ti.code));
        ti.delegated = !ti.delegatedBy.isEmpty();
      }
      byUnit.forEach(TypeInfo::indexByUnit);
      sharePermits();
      for (TypeInfo ti : types.values()) {
        ti.holderPermits = new Evaluation[ti.rowCands.length];
        for (int r = 0; r < ti.rowCands.length; r++) {
          ti.holderPermits[r] = ti.rowCands[r].holderPermit;
        }
      }
    }

    /**
     * Builds, once, the permits that do not depend on the question beyond its grant and holding:
     * the holder position asking, or a person through one holding, with no co-sign that depends on
     * the amount. Evaluation is immutable, so every such answer can be this one object.
     */
    private void sharePermits() {
      long revision = register.revision();
      for (Pos p : positions.values()) {
        for (Cand c : p.own) {
          c.holderPermit =
              c.coSignThresholded ? null : permitOf(c, p.code, c.chain, c.allCoSigns, revision);
        }
        for (Holding h : p.holdings) {
          h.permits = new Evaluation[p.own.length];
          for (int i = 0; i < p.own.length; i++) {
            Cand c = p.own[i];
            if (!c.coSignThresholded) {
              h.permits[i] =
                  permitOf(c, p.code, new ChainList(c.chain, h.link), c.allCoSigns, revision);
            }
          }
        }
      }
    }

    private int[] treeRoots() {
      int[] roots = new int[unitAncestors.length];
      int n = 0;
      for (int u = 0; u < unitAncestors.length; u++) {
        if (unitAncestors[u].length == 1) {
          roots[n++] = u;
        }
      }
      return Arrays.copyOf(roots, n);
    }

    private static Map<String, Cand[]> freeze(Map<String, List<Cand>> m) {
      if (m == null) {
        return Map.of();
      }
      Map<String, Cand[]> result = new HashMap<>();
      m.forEach((k, v) -> result.put(k, v.toArray(NO_CANDS)));
      return result;
    }

    /** The grant with its parent chain resolved; null when its chain is broken or cyclic. */
    private Cand compile(Grant g) {
      Cand done = compiled.get(g.id());
      if (done != null) {
        return done == BROKEN ? null : done;
      }
      Cand c;
      if (g.parentGrantId() == null) {
        c = root(g);
      } else {
        Cand p = compiled.get(g.parentGrantId());
        if (p == null) {
          // The parent comes later in the register (or closes a cycle): compile it first.
          if (!compiling.add(g.id())) {
            return null;
          }
          Grant parent = register.grants().get(g.parentGrantId());
          p = parent == null ? null : compile(parent);
          compiling.remove(g.id());
        } else if (p == BROKEN) {
          p = null;
        }
        c = p == null ? null : child(p, g);
      }
      compiled.put(g.id(), c == null ? BROKEN : c);
      return c;
    }

    private Cand root(Grant g) {
      Cand c = new Cand();
      c.leaf = g;
      c.holder = positions.get(g.holder());
      c.types = g.decisionTypes();
      c.fromDay = g.window().from().toEpochDay();
      c.fromGrant = g.id();
      c.toDay = g.window().to() == null ? Long.MAX_VALUE : g.window().to().toEpochDay();
      c.toGrant = g.id();
      c.recordedNanos = nanos(g.recordedAt());
      Revocation r = register.revocations().get(g.id());
      c.revokedNanos = r == null ? Long.MAX_VALUE : nanos(r.revokedAt());
      c.revokedGrant = r == null ? null : g.id();
      c.unitRoots = unitRoots(g, c.holder);
      c.unitGrant = g.id();
      c.ceiling = Amounts.ceilingCents(g.ceiling());
      c.ceilingGrant = g.id();
      c.subMandateAllowed = g.subMandateAllowed();
      c.excludesHigher = g.excludesHigherPositions();
      c.signatureOnly = g.kind() == GrantKind.SIGNATURE_MANDATE;
      c.escalationTarget = g.escalationTarget();
      // Under delegation the delegate decides in its own name (Awb 10:19).
      c.mandatorBody = g.kind() == GrantKind.DELEGATION ? g.holder() : g.grantor();
      if (g.coSigns().isEmpty()) {
        shareCoSigns(c, NO_CO_SIGNS);
      } else {
        mergeCoSigns(c, new LinkedHashMap<>(), g);
      }
      c.instructions = merge(List.of(), g);
      c.chain = List.of(ChainLink.of(g));
      c.delegationRef = g.kind() == GrantKind.DELEGATION ? g.grantDecisionRef() : null;
      c.signature = signature(c, g);
      return c;
    }

    private Cand child(Cand p, Grant g) {
      Cand c = new Cand();
      c.leaf = g;
      c.holder = positions.get(g.holder());
      if (p.types.containsAll(g.decisionTypes())) {
        c.types = g.decisionTypes();
      } else {
        Set<String> t = new LinkedHashSet<>(g.decisionTypes());
        t.retainAll(p.types);
        c.types = Collections.unmodifiableSet(t);
      }
      long from = g.window().from().toEpochDay();
      c.fromDay = Math.max(from, p.fromDay);
      c.fromGrant = from >= p.fromDay ? g.id() : p.fromGrant;
      long to = g.window().to() == null ? Long.MAX_VALUE : g.window().to().toEpochDay();
      c.toDay = Math.min(to, p.toDay);
      c.toGrant = to <= p.toDay ? g.id() : p.toGrant;
      c.recordedNanos = Math.max(nanos(g.recordedAt()), p.recordedNanos);
      Revocation r = register.revocations().get(g.id());
      long revoked = r == null ? Long.MAX_VALUE : nanos(r.revokedAt());
      // Awb 10:9(2): a sub-grant falls with its parent.
      c.revokedNanos = Math.min(revoked, p.revokedNanos);
      c.revokedGrant = revoked <= p.revokedNanos && r != null ? g.id() : p.revokedGrant;
      int[] own = unitRoots(g, c.holder);
      c.unitRoots = intersect(p.unitRoots, own);
      c.unitGrant = own != null && c.unitRoots == own ? g.id() : p.unitGrant;
      long ceiling = Amounts.ceilingCents(g.ceiling());
      c.ceiling = Math.min(ceiling, p.ceiling);
      c.ceilingGrant = ceiling <= p.ceiling && g.ceiling() != null ? g.id() : p.ceilingGrant;
      c.subMandateAllowed = g.subMandateAllowed();
      c.excludesHigher = g.excludesHigherPositions();
      c.signatureOnly = p.signatureOnly || g.kind() == GrantKind.SIGNATURE_MANDATE;
      c.escalationTarget = g.escalationTarget() != null ? g.escalationTarget() : p.escalationTarget;
      c.mandatorBody =
          p.leaf.kind() == GrantKind.DELEGATION && g.kind() != GrantKind.DELEGATION
              ? g.grantor()
              : p.mandatorBody;
      if (g.coSigns().isEmpty()) {
        shareCoSigns(c, p);
      } else {
        Map<String, Long> coSigns = new LinkedHashMap<>();
        for (int i = 0; i < p.coSignUnits.length; i++) {
          coSigns.put(p.coSignUnits[i], p.coSignAbove[i]);
        }
        mergeCoSigns(c, coSigns, g);
      }
      c.instructions = merge(p.instructions, g);
      ChainLink[] links = p.chain.toArray(new ChainLink[p.chain.size() + 1]);
      links[links.length - 1] = ChainLink.of(g);
      c.chain = List.of(links);
      c.delegationRef =
          g.kind() == GrantKind.DELEGATION && g.grantDecisionRef() != null
              ? g.grantDecisionRef()
              : p.delegationRef;
      c.signature = signature(c, g);
      return c;
    }

    private final Map<String, String> signatures = new HashMap<>();

    private String signature(Cand c, Grant g) {
      String key =
          c.mandatorBody
              + '\u0000'
              + c.signatureOnly
              + '\u0000'
              + (g.kind() == GrantKind.DELEGATION)
              + '\u0000'
              + c.delegationRef;
      return signatures.computeIfAbsent(key, k -> formula(c, g));
    }

    private String formula(Cand c, Grant g) {
      AdministrativeBody body = register.bodies().get(c.mandatorBody);
      String name = body == null ? String.valueOf(c.mandatorBody) : body.fullName();
      // Awb 10:19: a decision under delegation cites the delegation decision.
      String cited = c.delegationRef == null ? "" : ", krachtens " + c.delegationRef;
      if (c.signatureOnly) {
        return name + cited; // Awb 10:11
      }
      if (g.kind() == GrantKind.DELEGATION) {
        return name + cited;
      }
      return "namens " + name + cited; // Awb 10:10
    }

    private static final Cand NO_CO_SIGNS = noCoSigns();

    private static Cand noCoSigns() {
      Cand c = new Cand();
      c.coSignUnits = new String[0];
      c.coSignConditions = new String[0];
      c.coSignAbove = new long[0];
      c.allCoSigns = List.of();
      return c;
    }

    private static void shareCoSigns(Cand c, Cand from) {
      c.coSignUnits = from.coSignUnits;
      c.coSignConditions = from.coSignConditions;
      c.coSignAbove = from.coSignAbove;
      c.coSignThresholded = from.coSignThresholded;
      c.allCoSigns = from.allCoSigns;
    }

    private void mergeCoSigns(Cand c, Map<String, Long> coSigns, Grant g) {
      for (CoSign s : g.coSigns()) {
        long above = s.aboveAmount() == null ? -1 : Amounts.toCents(s.aboveAmount());
        coSigns.merge(s.unitCode(), above, (a, b) -> (a < 0 || b < 0) ? -1 : Math.min(a, b));
      }
      int n = coSigns.size();
      c.coSignUnits = new String[n];
      c.coSignConditions = new String[n];
      c.coSignAbove = new long[n];
      int i = 0;
      for (Map.Entry<String, Long> e : coSigns.entrySet()) {
        c.coSignUnits[i] = e.getKey();
        c.coSignConditions[i] = "CO_SIGN:" + e.getKey();
        c.coSignAbove[i] = e.getValue();
        if (e.getValue() >= 0) {
          c.coSignThresholded = true;
        }
        i++;
      }
      c.allCoSigns = cached(Arrays.asList(c.coSignConditions));
    }

    private List<String> merge(List<String> parent, Grant g) {
      if (g.conditions().isEmpty() && g.instructions().isEmpty()) {
        return parent;
      }
      List<String> merged = new ArrayList<>(parent);
      for (String s : g.conditions()) {
        if (!merged.contains(s)) {
          merged.add(s);
        }
      }
      for (String s : g.instructions()) {
        if (!merged.contains(s)) {
          merged.add(s);
        }
      }
      return cached(merged);
    }

    private List<String> cached(List<String> list) {
      if (list.isEmpty()) {
        return List.of();
      }
      return listCache.computeIfAbsent(String.join("\u0000", list), k -> List.copyOf(list));
    }

    private int[][] ownUnit;

    private int[] unitRoots(Grant g, Pos holder) {
      if (ownUnit == null) {
        ownUnit = new int[unitCodes.length][];
        for (int u = 0; u < unitCodes.length; u++) {
          ownUnit[u] = new int[] {u};
        }
      }
      if (g.orgUnits().isEmpty()) {
        if (holder == null) {
          return null;
        }
        return holder.unitIdx < 0 ? NO_UNITS : ownUnit[holder.unitIdx];
      }
      int[] roots = new int[g.orgUnits().size()];
      int n = 0;
      for (String code : g.orgUnits()) {
        Integer idx = unitIndex.get(code);
        if (idx != null) {
          roots[n++] = idx;
        }
      }
      return n == roots.length ? roots : Arrays.copyOf(roots, n);
    }

    /** The units both subtree sets cover, as roots; null stands for every unit. */
    private int[] intersect(int[] a, int[] b) {
      if (a == null) {
        return b;
      }
      if (b == null) {
        return a;
      }
      int[] result = new int[a.length + b.length];
      int n = 0;
      for (int x : b) {
        if (within(x, a)) {
          result[n++] = x;
        }
      }
      for (int x : a) {
        if (within(x, b) && !contains(result, n, x)) {
          result[n++] = x;
        }
      }
      if (n == b.length && Arrays.equals(Arrays.copyOf(result, n), b)) {
        return b;
      }
      return Arrays.copyOf(result, n);
    }

    private boolean within(int unit, int[] roots) {
      for (int anc : unitAncestors[unit]) {
        if (contains(roots, roots.length, anc)) {
          return true;
        }
      }
      return false;
    }

    private static boolean contains(int[] values, int n, int x) {
      for (int i = 0; i < n; i++) {
        if (values[i] == x) {
          return true;
        }
      }
      return false;
    }
  }
}
