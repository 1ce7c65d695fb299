package nl.mandaat.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The register as source data: bodies, units, positions, persons, assignments, substitutions, the
 * decision-type catalogue, grants and revocations, at a revision.
 *
 * <p>Immutable and thread-safe. Nothing is ever removed: a revocation ends a grant from its moment
 * on, so every past moment stays answerable (rule 23, Awb 3:42). Windows are dates in {@link
 * #zone()}; moments are instants. Build one with {@link #builder()}; the next revision with {@link
 * #with(RegisterChange)} (which does not validate: ask {@link Validator} first).
 */
public final class Register {

  /** The zone the demo municipality's dates are in. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

  private final Map<String, AdministrativeBody> bodies;
  private final Map<String, OrgUnit> units;
  private final Map<String, Position> positions;
  private final Map<String, Person> persons;
  private final Map<String, DecisionType> decisionTypes;
  private final Map<String, Grant> grants;
  private final List<Assignment> assignments;
  private final List<Substitution> substitutions;
  private final Map<String, Revocation> revocations;
  private final long revision;
  private final ZoneId zone;
  private volatile Map<String, List<String>> children;

  private Register(Builder b) {
    this.bodies = Collections.unmodifiableMap(new LinkedHashMap<>(b.bodies));
    this.units = Collections.unmodifiableMap(new LinkedHashMap<>(b.units));
    this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(b.positions));
    this.persons = Collections.unmodifiableMap(new LinkedHashMap<>(b.persons));
    this.decisionTypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.decisionTypes));
    this.grants = Collections.unmodifiableMap(new LinkedHashMap<>(b.grants));
    this.assignments = List.copyOf(b.assignments);
    this.substitutions = List.copyOf(b.substitutions);
    this.revocations = Collections.unmodifiableMap(new LinkedHashMap<>(b.revocations));
    this.revision = b.revision;
    this.zone = b.zone;
  }

  /** A new, empty builder at revision 0 in {@link #DEFAULT_ZONE}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything of this register, at its revision. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bodies.putAll(bodies);
    b.units.putAll(units);
    b.positions.putAll(positions);
    b.persons.putAll(persons);
    b.decisionTypes.putAll(decisionTypes);
    b.grants.putAll(grants);
    b.assignments.addAll(assignments);
    b.substitutions.addAll(substitutions);
    b.revocations.putAll(revocations);
    b.revision = revision;
    b.zone = zone;
    return b;
  }

  /**
   * The next register: this one with {@code change} applied and the revision one higher. Does not
   * validate; costs a copy of the register.
   *
   * @throws IllegalArgumentException when an id is already taken or a revoked grant is unknown
   */
  public Register with(RegisterChange change) {
    return toBuilder().apply(change).build();
  }

  public Map<String, AdministrativeBody> bodies() {
    return bodies;
  }

  public Map<String, OrgUnit> units() {
    return units;
  }

  public Map<String, Position> positions() {
    return positions;
  }

  public Map<String, Person> persons() {
    return persons;
  }

  public Map<String, DecisionType> decisionTypes() {
    return decisionTypes;
  }

  /** Every grant ever recorded, revoked ones included, by id in recording order. */
  public Map<String, Grant> grants() {
    return grants;
  }

  public List<Assignment> assignments() {
    return assignments;
  }

  public List<Substitution> substitutions() {
    return substitutions;
  }

  /** The direct revocations by grant id (without the cascade; see {@link #revokedAt}). */
  public Map<String, Revocation> revocations() {
    return revocations;
  }

  /** The revision: the number of changes applied. */
  public long revision() {
    return revision;
  }

  /** The zone the windows' dates are in. */
  public ZoneId zone() {
    return zone;
  }

  /** The date of {@code moment} in this register's zone. */
  public LocalDate dateAt(Instant moment) {
    return LocalDate.ofInstant(moment, zone);
  }

  /** The grants from the root to {@code grantId}, root first; empty when unknown or cyclic. */
  public List<Grant> chainOf(String grantId) {
    List<Grant> chain = new ArrayList<>();
    Grant g = grants.get(grantId);
    while (g != null) {
      chain.add(g);
      if (chain.size() > grants.size()) {
        return List.of();
      }
      if (g.parentGrantId() == null) {
        Collections.reverse(chain);
        return Collections.unmodifiableList(chain);
      }
      g = grants.get(g.parentGrantId());
    }
    return List.of();
  }

  /**
   * The moment a grant stops, by its own revocation or the earliest revocation in its parent chain
   * (Awb 10:9(2)); empty when none.
   */
  public Optional<Instant> revokedAt(String grantId) {
    Instant earliest = null;
    for (Grant g : chainOf(grantId)) {
      Revocation r = revocations.get(g.id());
      if (r != null && (earliest == null || r.revokedAt().isBefore(earliest))) {
        earliest = r.revokedAt();
      }
    }
    return Optional.ofNullable(earliest);
  }

  /**
   * Whether a grant is in force at {@code moment} as the register stood then: the whole chain
   * recorded, every window containing the date, nothing in the chain revoked at or before it.
   */
  public boolean inForce(String grantId, Instant moment) {
    List<Grant> chain = chainOf(grantId);
    if (chain.isEmpty()) {
      return false;
    }
    LocalDate date = dateAt(moment);
    for (Grant g : chain) {
      Revocation r = revocations.get(g.id());
      if (g.recordedAt().isAfter(moment)
          || !g.window().contains(date)
          || (r != null && !r.revokedAt().isAfter(moment))) {
        return false;
      }
    }
    return true;
  }

  /** The grants in force at {@code moment}, in recording order. */
  public List<Grant> grantsInForce(Instant moment) {
    List<Grant> result = new ArrayList<>();
    for (Grant g : grants.values()) {
      if (inForce(g.id(), moment)) {
        result.add(g);
      }
    }
    return Collections.unmodifiableList(result);
  }

  /** The ids of every grant below {@code grantId}, transitively, in breadth-first order. */
  public List<String> subGrantsOf(String grantId) {
    Map<String, List<String>> byParent = children();
    List<String> result = new ArrayList<>();
    Deque<String> todo = new ArrayDeque<>(byParent.getOrDefault(grantId, List.of()));
    while (!todo.isEmpty() && result.size() <= grants.size()) {
      String id = todo.removeFirst();
      result.add(id);
      todo.addAll(byParent.getOrDefault(id, List.of()));
    }
    return Collections.unmodifiableList(result);
  }

  private Map<String, List<String>> children() {
    Map<String, List<String>> c = children;
    if (c == null) {
      c = new HashMap<>();
      for (Grant g : grants.values()) {
        if (g.parentGrantId() != null) {
          c.computeIfAbsent(g.parentGrantId(), k -> new ArrayList<>()).add(g.id());
        }
      }
      children = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return "Register[revision="
        + revision
        + ", grants="
        + grants.size()
        + ", positions="
        + positions.size()
        + ", persons="
        + persons.size()
        + "]";
  }

  /** Builds a {@link Register}; not thread-safe. */
  public static final class Builder {
    private final Map<String, AdministrativeBody> bodies = new LinkedHashMap<>();
    private final Map<String, OrgUnit> units = new LinkedHashMap<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, Person> persons = new LinkedHashMap<>();
    private final Map<String, DecisionType> decisionTypes = new LinkedHashMap<>();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final List<Assignment> assignments = new ArrayList<>();
    private final List<Substitution> substitutions = new ArrayList<>();
    private final Map<String, Revocation> revocations = new LinkedHashMap<>();
    private long revision;
    private ZoneId zone = DEFAULT_ZONE;

    private Builder() {}

    public Builder body(AdministrativeBody body) {
      bodies.put(body.code(), body);
      return this;
    }

    public Builder unit(OrgUnit unit) {
      units.put(unit.code(), unit);
      return this;
    }

    public Builder position(Position position) {
      positions.put(position.code(), position);
      return this;
    }

    public Builder person(Person person) {
      persons.put(person.username(), person);
      return this;
    }

    public Builder decisionType(DecisionType type) {
      decisionTypes.put(type.code(), type);
      return this;
    }

    /**
     * Adds a grant as source data (no revision change).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public Builder grant(Grant grant) {
      if (grants.putIfAbsent(grant.id(), grant) != null) {
        throw new IllegalArgumentException("grant id already taken: " + grant.id());
      }
      return this;
    }

    public Builder assignment(Assignment assignment) {
      assignments.add(assignment);
      return this;
    }

    public Builder substitution(Substitution substitution) {
      substitutions.add(substitution);
      return this;
    }

    /**
     * Adds a revocation; of two revocations of one grant the earliest counts.
     *
     * @throws IllegalArgumentException when the grant is unknown
     */
    public Builder revocation(Revocation revocation) {
      if (!grants.containsKey(revocation.grantId())) {
        throw new IllegalArgumentException("unknown grant: " + revocation.grantId());
      }
      revocations.merge(
          revocation.grantId(),
          revocation,
          (a, b) -> b.revokedAt().isBefore(a.revokedAt()) ? b : a);
      return this;
    }

    public Builder revision(long revision) {
      this.revision = revision;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Applies a change and raises the revision by one. Does not validate. */
    public Builder apply(RegisterChange change) {
      if (change instanceof RegisterChange.NewGrant c) {
        grant(c.grant());
      } else if (change instanceof RegisterChange.RevokeGrant c) {
        revocation(c.revocation());
      } else if (change instanceof RegisterChange.NewAssignment c) {
        assignment(c.assignment());
      } else if (change instanceof RegisterChange.NewSubstitution c) {
        substitution(c.substitution());
      }
      revision++;
      return this;
    }

    public Register build() {
      return new Register(this);
    }
  }
}
