package nl.mandaat.core.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.mandaat.core.Actor;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.CoSign;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Grant;
import nl.mandaat.core.GrantKind;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Question;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Revocation;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;

/**
 * A large, random but valid register for property tests and benchmarks: a reporting tree of
 * positions (one per person, each with its own unit, the unit tree mirroring the line), college
 * mandates near the top and sub-mandates down the line up to {@code maxDepth} grants per chain,
 * each narrowing its parent; a few revocations and substitutions along a timeline through 2026 and
 * 2027.
 *
 * <p>The same seed always gives the same register. Immutable once built.
 */
public final class GeneratedRegister {
  private static final Actor ADMIN = Actor.administrator("beheer");
  private static final LocalDate START = LocalDate.of(2026, 1, 1);
  private static final int DAYS = 730;

  private final long seed;
  private final Register base;
  private final List<RegisterChange> changes;
  private final Register register;
  private final List<String> positions;
  private final List<String> persons;
  private final List<String> decisionTypes;
  private final List<String> units;
  private final List<Grant> grants;

  private GeneratedRegister(
      long seed,
      Register base,
      List<RegisterChange> changes,
      List<String> positions,
      List<String> persons,
      List<String> decisionTypes,
      List<String> units,
      List<Grant> grants) {
    this.seed = seed;
    this.base = base;
    this.changes = List.copyOf(changes);
    Register.Builder b = base.toBuilder();
    for (RegisterChange c : changes) {
      b.apply(c);
    }
    this.register = b.build();
    this.positions = List.copyOf(positions);
    this.persons = List.copyOf(persons);
    this.decisionTypes = List.copyOf(decisionTypes);
    this.units = List.copyOf(units);
    this.grants = List.copyOf(grants);
  }

  /**
   * Generates a register.
   *
   * @param seed the random seed
   * @param grants the number of grants (root mandates and sub-mandates)
   * @param persons the number of persons, and of positions
   * @param maxDepth the longest chain of grants, at least 1
   */
  public static GeneratedRegister of(long seed, int grants, int persons, int maxDepth) {
    return new Generator(seed, grants, Math.max(2, persons), Math.max(1, maxDepth)).generate();
  }

  public long seed() {
    return seed;
  }

  /** The organisation, catalogue, persons and their assignments, before any grant. */
  public Register base() {
    return base;
  }

  /** Every change after the base, in the order recorded (non-decreasing recordedAt). */
  public List<RegisterChange> changes() {
    return changes;
  }

  /** The base with every change applied. */
  public Register register() {
    return register;
  }

  /** The register as rebuilt from the base and only the changes recorded at or before {@code t}. */
  public Register registerAsOf(Instant t) {
    Register.Builder b = base.toBuilder();
    for (RegisterChange c : changes) {
      if (!c.recordedAt().isAfter(t)) {
        b.apply(c);
      }
    }
    return b.build();
  }

  public List<String> positions() {
    return positions;
  }

  public List<String> persons() {
    return persons;
  }

  public List<String> decisionTypes() {
    return decisionTypes;
  }

  public List<String> units() {
    return units;
  }

  /** The grants in the order generated. */
  public List<Grant> grants() {
    return grants;
  }

  /** The first moment of the timeline. */
  public Instant start() {
    return START.atStartOfDay(Register.DEFAULT_ZONE).toInstant();
  }

  /** A moment after every change and inside most windows' reach. */
  public Instant end() {
    return START.plusDays(DAYS + 60).atStartOfDay(Register.DEFAULT_ZONE).toInstant();
  }

  /** A random moment on the timeline (a little before and after it too). */
  public Instant randomMoment(Random random) {
    long span = Duration.between(start(), end()).toSeconds();
    return start()
        .minusSeconds(86_400L * 10)
        .plusSeconds((long) (random.nextDouble() * (span + 86_400L * 20)));
  }

  /**
   * Questions a benchmark or test may ask: mostly a grant holder's person about one of the grant's
   * types, in its unit, within or just above its ceiling, inside or near its window; some about
   * positions, random units and random types.
   */
  public List<Question> questions(int count, long questionSeed) {
    Random random = new Random(questionSeed);
    List<Question> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      result.add(randomQuestion(random));
    }
    return Collections.unmodifiableList(result);
  }

  /** One question as {@link #questions(int, long)} makes them. */
  public Question randomQuestion(Random random) {
    Grant g = grants.get(random.nextInt(grants.size()));
    int holder = Integer.parseInt(g.holder().substring(1));
    Question.Builder q = Question.builder();
    if (random.nextInt(4) == 0) {
      q.position(g.holder());
    } else {
      q.person(persons.get(holder));
    }
    List<String> types = new ArrayList<>(g.decisionTypes());
    q.decisionType(
        random.nextInt(10) == 0
            ? decisionTypes.get(random.nextInt(decisionTypes.size()))
            : types.get(random.nextInt(types.size())));
    q.orgUnit(
        random.nextInt(10) == 0 ? units.get(random.nextInt(units.size())) : units.get(holder));
    if (random.nextInt(5) > 0) {
      long cents =
          g.ceiling() == null
              ? random.nextInt(1_000_000_00)
              : (long) (g.ceiling().movePointRight(2).longValue() * random.nextDouble() * 1.2);
      q.amount(BigDecimal.valueOf(cents, 2));
    }
    Instant from = g.window().from().atStartOfDay(Register.DEFAULT_ZONE).toInstant();
    q.at(
        random.nextInt(4) == 0
            ? randomMoment(random)
            : from.plusSeconds(random.nextInt(86_400 * 200)));
    return q.build();
  }

  private static final class Generator {
    private final long seed;
    private final Random random;
    private final int grantCount;
    private final int personCount;
    private final int maxDepth;
    private final int fanOut;
    private final int[] depth;
    private final List<List<Integer>> children = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<RegisterChange> changes = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Gen> extendable = new ArrayList<>();
    private final List<Gen> all = new ArrayList<>();

    /** A generated grant with its effective (chain) limits. */
    private record Gen(
        Grant grant,
        int holder,
        Set<String> types,
        long ceiling,
        long fromDay,
        long toDay,
        int chainDepth,
        boolean[] revoked,
        Gen parent) {}

    Generator(long seed, int grantCount, int personCount, int maxDepth) {
      this.seed = seed;
      this.random = new Random(seed);
      this.grantCount = grantCount;
      this.personCount = personCount;
      this.maxDepth = maxDepth;
      int k = 2;
      while (treeSize(k, maxDepth + 1) < personCount) {
        k++;
      }
      this.fanOut = k;
      this.depth = new int[personCount];
    }

    private static long treeSize(int k, int levels) {
      long size = 0;
      long level = 1;
      for (int i = 0; i <= levels && size < Integer.MAX_VALUE; i++) {
        size += level;
        level *= k;
      }
      return size;
    }

    GeneratedRegister generate() {
      Instant seeded = START.atStartOfDay(Register.DEFAULT_ZONE).toInstant();
      Register.Builder b = Register.builder().revision(0);
      b.body(
          AdministrativeBody.of(
              "college",
              "College van burgemeester en wethouders",
              "het college van burgemeester en wethouders van Generatedam"));
      b.body(AdministrativeBody.of("raad", "Gemeenteraad", "de gemeenteraad van Generatedam"));
      int typeCount = Math.max(20, grantCount / 400);
      for (int t = 0; t < typeCount; t++) {
        String code = "dt" + t;
        types.add(code);
        b.decisionType(
            DecisionType.mandatable(code, "Besluittype " + t, "college", "Gemeentewet 160"));
      }
      b.decisionType(
          new DecisionType(
              "verordening",
              "Verordening",
              "raad",
              "Gemeentewet 147",
              false,
              "Awb 10:3(2)",
              false,
              false));
      List<String> positionCodes = new ArrayList<>();
      List<String> personNames = new ArrayList<>();
      List<String> unitCodes = new ArrayList<>();
      for (int i = 0; i < personCount; i++) {
        children.add(new ArrayList<>());
        Integer parent = i == 0 ? null : (i - 1) / fanOut;
        depth[i] = parent == null ? 0 : depth[parent] + 1;
        if (parent != null) {
          children.get(parent).add(i);
        }
        OrgUnit.Kind kind =
            depth[i] == 0
                ? OrgUnit.Kind.GEMEENTE
                : depth[i] == 1
                    ? OrgUnit.Kind.DIRECTIE
                    : depth[i] == 2 ? OrgUnit.Kind.AFDELING : OrgUnit.Kind.TEAM;
        b.unit(OrgUnit.of("u" + i, "Eenheid " + i, parent == null ? null : "u" + parent, kind, 10));
        b.position(
            new Position(
                "p" + i,
                "Functie " + i,
                "u" + i,
                parent == null ? null : "p" + parent,
                true,
                false,
                Window.ALWAYS));
        b.person(new Person("user" + i, "sub-" + i, "Medewerker " + i));
        b.assignment(Assignment.of("A" + i, "user" + i, "p" + i, Window.from(START), seeded));
        positionCodes.add("p" + i);
        personNames.add("user" + i);
        unitCodes.add("u" + i);
      }
      Register base = b.build();
      int substitutions = Math.max(1, personCount / 100);
      int revocations = Math.max(1, grantCount / 50);
      int total = grantCount + substitutions + revocations;
      long stepSeconds = Math.max(1, (long) DAYS * 86_400 / Math.max(1, total));
      Instant t = seeded;
      int made = 0;
      int subsMade = 0;
      int revsMade = 0;
      while (made < grantCount) {
        t = t.plusSeconds(1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, 2 * stepSeconds)));
        int roll = random.nextInt(total);
        if (roll < substitutions && subsMade < substitutions) {
          substitution(t, subsMade++);
        } else if (roll < substitutions + revocations && revsMade < revocations && !all.isEmpty()) {
          revocation(t, revsMade++);
        } else {
          grant(t, made++);
        }
      }
      return new GeneratedRegister(
          seed, base, changes, positionCodes, personNames, types, unitCodes, grants);
    }

    private long day(Instant t) {
      return LocalDate.ofInstant(t, Register.DEFAULT_ZONE).toEpochDay();
    }

    private void substitution(Instant t, int n) {
      int position = 1 + random.nextInt(personCount - 1);
      int parent = (position - 1) / fanOut;
      List<Integer> siblings = children.get(parent);
      if (siblings.size() < 2) {
        return;
      }
      int substitute = siblings.get(random.nextInt(siblings.size()));
      if (substitute == position) {
        return;
      }
      LocalDate from = LocalDate.ofEpochDay(day(t) + random.nextInt(60));
      Window w = Window.of(from, from.plusDays(5 + random.nextInt(40)));
      changes.add(
          new RegisterChange.NewSubstitution(
              Substitution.of("S" + n, "user" + substitute, "p" + position, w, t), ADMIN));
    }

    private void revocation(Instant t, int n) {
      Gen g = all.get(random.nextInt(all.size()));
      if (g.revoked[0]) {
        return;
      }
      g.revoked[0] = true;
      changes.add(
          new RegisterChange.RevokeGrant(
              Revocation.of(g.grant.id(), t, "herziening", "Intrekkingsbesluit " + n), ADMIN));
    }

    private void grant(Instant t, int n) {
      long today = day(t);
      Gen parent = null;
      if (!extendable.isEmpty() && random.nextInt(10) < 7) {
        for (int tries = 0; tries < 5 && parent == null && !extendable.isEmpty(); tries++) {
          int idx = random.nextInt(extendable.size());
          Gen p = extendable.get(idx);
          if (inForceAtOrAfter(p, today)) {
            parent = p;
          } else {
            // Drop parents that can no longer be extended; order does not matter.
            extendable.set(idx, extendable.get(extendable.size() - 1));
            extendable.remove(extendable.size() - 1);
          }
        }
      }
      Gen gen = parent == null ? root(t, n, today) : sub(parent, t, n, today);
      grants.add(gen.grant);
      all.add(gen);
      changes.add(
          new RegisterChange.NewGrant(
              gen.grant, parent == null ? ADMIN : Actor.person("user" + parent.holder)));
      if (gen.grant.subMandateAllowed()
          && gen.chainDepth < maxDepth
          && !children.get(gen.holder).isEmpty()) {
        extendable.add(gen);
      }
    }

    private static boolean inForceAtOrAfter(Gen p, long today) {
      if (p.toDay < today) {
        return false;
      }
      for (Gen g = p; g != null; g = g.parent) {
        if (g.revoked[0]) {
          return false;
        }
      }
      return true;
    }

    private Gen root(Instant t, int n, long today) {
      // Some roots near the top give the deep chains; the rest spread over the whole line, as a
      // municipality mandates to every level.
      int top = Math.min(personCount, 1 + fanOut);
      int holder = random.nextInt(5) == 0 ? random.nextInt(top) : random.nextInt(personCount);
      Set<String> ts = new LinkedHashSet<>();
      int count = 1 + random.nextInt(3);
      while (ts.size() < count) {
        ts.add(types.get(random.nextInt(types.size())));
      }
      long ceiling =
          random.nextInt(5) == 0 ? Long.MAX_VALUE : (1 + random.nextInt(1000)) * 100_000L;
      long from = today + random.nextInt(30) - 10;
      long to = random.nextBoolean() ? Long.MAX_VALUE : from + 60 + random.nextInt(700);
      Grant.Builder g =
          Grant.builder()
              .id("R" + n)
              .kind(GrantKind.MANDATE)
              .grantor("college")
              .holder("p" + holder)
              .decisionTypes(ts)
              .ceiling(ceiling == Long.MAX_VALUE ? null : BigDecimal.valueOf(ceiling, 2))
              .window(window(from, to))
              .subMandateAllowed(random.nextInt(10) < 8)
              .excludesHigherPositions(random.nextInt(20) == 0)
              .grantDecisionRef("Mandaatbesluit " + n)
              .recordedAt(t);
      if (random.nextInt(5) == 0) {
        g.coSign(
            CoSign.above(
                "u0", BigDecimal.valueOf(ceiling == Long.MAX_VALUE ? 5_000_000 : ceiling / 2, 2)));
      }
      if (random.nextInt(3) == 0) {
        g.instruction("instructie " + random.nextInt(10));
      }
      return new Gen(g.build(), holder, ts, ceiling, from, to, 1, new boolean[] {false}, null);
    }

    private Gen sub(Gen parent, Instant t, int n, long today) {
      List<Integer> kids = children.get(parent.holder);
      int holder = kids.get(random.nextInt(kids.size()));
      List<String> parentTypes = new ArrayList<>(parent.types);
      Set<String> ts = new LinkedHashSet<>();
      int count = 1 + random.nextInt(parentTypes.size());
      while (ts.size() < count) {
        ts.add(parentTypes.get(random.nextInt(parentTypes.size())));
      }
      long ceiling;
      if (parent.ceiling == Long.MAX_VALUE) {
        ceiling = random.nextInt(3) == 0 ? Long.MAX_VALUE : (1 + random.nextInt(1000)) * 10_000L;
      } else {
        ceiling =
            random.nextInt(4) == 0 ? parent.ceiling : (long) (parent.ceiling * random.nextDouble());
      }
      long from = Math.max(parent.fromDay, today - 5 + random.nextInt(20));
      if (parent.toDay != Long.MAX_VALUE && from > parent.toDay) {
        from = parent.toDay;
      }
      long to;
      if (parent.toDay == Long.MAX_VALUE) {
        to = random.nextBoolean() ? Long.MAX_VALUE : from + random.nextInt(700);
      } else {
        to =
            random.nextBoolean()
                ? parent.toDay
                : from + random.nextInt((int) (parent.toDay - from + 1));
      }
      Grant g =
          Grant.builder()
              .id("G" + n)
              .kind(GrantKind.SUB_MANDATE)
              .parent(parent.grant.id())
              .grantor("p" + parent.holder)
              .holder("p" + holder)
              .decisionTypes(ts)
              .ceiling(ceiling == Long.MAX_VALUE ? null : BigDecimal.valueOf(ceiling, 2))
              .window(window(from, to))
              .subMandateAllowed(random.nextInt(10) < 7)
              .excludesHigherPositions(random.nextInt(20) == 0)
              .recordedAt(t)
              .build();
      return new Gen(
          g, holder, ts, ceiling, from, to, parent.chainDepth + 1, new boolean[] {false}, parent);
    }

    private static Window window(long from, long to) {
      return Window.of(
          LocalDate.ofEpochDay(from), to == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(to));
    }
  }
}
