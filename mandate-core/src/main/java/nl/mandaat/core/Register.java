package nl.mandaat.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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

  private final PersistentMap<String, AdministrativeBody> bodies;
  private final PersistentMap<String, OrgUnit> units;
  private final PersistentMap<String, Position> positions;
  private final PersistentMap<String, Person> persons;
  private final PersistentMap<String, DecisionType> decisionTypes;
  private final PersistentMap<String, Grant> grants;
  private final PersistentVector<Assignment> assignments;
  private final PersistentVector<Substitution> substitutions;
  private final PersistentMap<String, Revocation> revocations;
  private final Indexes indexes;
  private final long revision;
  private final ZoneId zone;

  private Register(Builder b) {
    this.bodies = b.bodies;
    this.units = b.units;
    this.positions = b.positions;
    this.persons = b.persons;
    this.decisionTypes = b.decisionTypes;
    this.grants = b.grants;
    this.assignments = b.assignments;
    this.substitutions = b.substitutions;
    this.revocations = b.revocations;
    this.indexes = b.indexes;
    this.revision = b.revision;
    this.zone = b.zone;
  }

  /** A new, empty builder at revision 0 in {@link #DEFAULT_ZONE}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding everything of this register, at its revision. Costs O(1): the builder shares
   * this register's immutable structures and each later call copies only what it changes.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bodies = bodies;
    b.units = units;
    b.positions = positions;
    b.persons = persons;
    b.decisionTypes = decisionTypes;
    b.grants = grants;
    b.assignments = assignments;
    b.substitutions = substitutions;
    b.revocations = revocations;
    b.indexes = indexes;
    b.revision = revision;
    b.zone = zone;
    return b;
  }

  /**
   * The next register: this one with {@code change} applied and the revision one higher. Does not
   * validate. Costs O(log n) in the register's size: the result shares everything the change does
   * not touch with this register.
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
    List<String> result = new ArrayList<>();
    Deque<String> todo = new ArrayDeque<>(indexes.children(grantId));
    while (!todo.isEmpty() && result.size() <= grants.size()) {
      String id = todo.removeFirst();
      result.add(id);
      todo.addAll(indexes.children(id));
    }
    return Collections.unmodifiableList(result);
  }

  /** The delegations (of any state) that name {@code decisionType}, in recording order. */
  List<Grant> delegationsOf(String decisionType) {
    return indexes.delegations(decisionType);
  }

  /** The assignments of {@code person}, in recording order. */
  List<Assignment> assignmentsOf(String person) {
    return indexes.assignmentsOf(person);
  }

  /** The substitutions where {@code person} substitutes, in recording order. */
  List<Substitution> substitutionsBy(String person) {
    return indexes.substitutionsBy(person);
  }

  /** Whether an assignment with this id was recorded. */
  boolean hasAssignment(String id) {
    return indexes.hasAssignment(id);
  }

  /** Whether a substitution with this id was recorded. */
  boolean hasSubstitution(String id) {
    return indexes.hasSubstitution(id);
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

  /**
   * Builds a {@link Register}; not thread-safe. Every call costs O(log n) in the register's size
   * and {@link #build()} O(1), so a builder from {@link Register#toBuilder()} is cheap to apply a
   * few changes to.
   */
  public static final class Builder {
    private PersistentMap<String, AdministrativeBody> bodies = PersistentMap.empty();
    private PersistentMap<String, OrgUnit> units = PersistentMap.empty();
    private PersistentMap<String, Position> positions = PersistentMap.empty();
    private PersistentMap<String, Person> persons = PersistentMap.empty();
    private PersistentMap<String, DecisionType> decisionTypes = PersistentMap.empty();
    private PersistentMap<String, Grant> grants = PersistentMap.empty();
    private PersistentVector<Assignment> assignments = PersistentVector.empty();
    private PersistentVector<Substitution> substitutions = PersistentVector.empty();
    private PersistentMap<String, Revocation> revocations = PersistentMap.empty();
    private Indexes indexes = Indexes.EMPTY;
    private long revision;
    private ZoneId zone = DEFAULT_ZONE;

    private Builder() {}

    public Builder body(AdministrativeBody body) {
      bodies = bodies.plus(body.code(), body);
      return this;
    }

    public Builder unit(OrgUnit unit) {
      units = units.plus(unit.code(), unit);
      return this;
    }

    public Builder position(Position position) {
      positions = positions.plus(position.code(), position);
      return this;
    }

    public Builder person(Person person) {
      persons = persons.plus(person.username(), person);
      return this;
    }

    public Builder decisionType(DecisionType type) {
      decisionTypes = decisionTypes.plus(type.code(), type);
      return this;
    }

    /**
     * Adds a grant as source data (no revision change).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public Builder grant(Grant grant) {
      if (grants.containsKey(grant.id())) {
        throw new IllegalArgumentException("grant id already taken: " + grant.id());
      }
      grants = grants.plus(grant.id(), grant);
      indexes = indexes.withGrant(grant);
      return this;
    }

    public Builder assignment(Assignment assignment) {
      assignments = assignments.plus(assignment);
      indexes = indexes.withAssignment(assignment);
      return this;
    }

    public Builder substitution(Substitution substitution) {
      substitutions = substitutions.plus(substitution);
      indexes = indexes.withSubstitution(substitution);
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
      Revocation earlier = revocations.get(revocation.grantId());
      if (earlier == null || revocation.revokedAt().isBefore(earlier.revokedAt())) {
        revocations = revocations.plus(revocation.grantId(), revocation);
      }
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
