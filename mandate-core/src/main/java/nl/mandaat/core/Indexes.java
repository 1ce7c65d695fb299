package nl.mandaat.core;

import java.util.List;

/**
 * The lookups a {@link Register} keeps beside its source data, maintained per change (never
 * rebuilt) and shared between successive registers: sub-grants by parent, delegations by decision
 * type, assignments and substitutions by person. Immutable and thread-safe.
 */
final class Indexes {

  static final Indexes EMPTY =
      new Indexes(
          PersistentHashTrie.empty(),
          PersistentHashTrie.empty(),
          PersistentHashTrie.empty(),
          PersistentHashTrie.empty(),
          PersistentHashTrie.empty(),
          PersistentHashTrie.empty());

  private final PersistentHashTrie<String, PersistentVector<String>> children;
  private final PersistentHashTrie<String, PersistentVector<Grant>> delegations;
  private final PersistentHashTrie<String, PersistentVector<Assignment>> assignmentsByPerson;
  private final PersistentHashTrie<String, PersistentVector<Substitution>> substitutionsByPerson;
  private final PersistentHashTrie<String, Boolean> assignmentIds;
  private final PersistentHashTrie<String, Boolean> substitutionIds;

  private Indexes(
      PersistentHashTrie<String, PersistentVector<String>> children,
      PersistentHashTrie<String, PersistentVector<Grant>> delegations,
      PersistentHashTrie<String, PersistentVector<Assignment>> assignmentsByPerson,
      PersistentHashTrie<String, PersistentVector<Substitution>> substitutionsByPerson,
      PersistentHashTrie<String, Boolean> assignmentIds,
      PersistentHashTrie<String, Boolean> substitutionIds) {
    this.children = children;
    this.delegations = delegations;
    this.assignmentsByPerson = assignmentsByPerson;
    this.substitutionsByPerson = substitutionsByPerson;
    this.assignmentIds = assignmentIds;
    this.substitutionIds = substitutionIds;
  }

  Indexes withGrant(Grant grant) {
    PersistentHashTrie<String, PersistentVector<String>> c = children;
    if (grant.parentGrantId() != null) {
      c = append(c, grant.parentGrantId(), grant.id());
    }
    PersistentHashTrie<String, PersistentVector<Grant>> d = delegations;
    if (grant.kind() == GrantKind.DELEGATION) {
      for (String type : grant.decisionTypes()) {
        d = append(d, type, grant);
      }
    }
    return new Indexes(
        c, d, assignmentsByPerson, substitutionsByPerson, assignmentIds, substitutionIds);
  }

  Indexes withAssignment(Assignment a) {
    return new Indexes(
        children,
        delegations,
        append(assignmentsByPerson, a.person(), a),
        substitutionsByPerson,
        assignmentIds.put(a.id(), Boolean.TRUE),
        substitutionIds);
  }

  Indexes withSubstitution(Substitution s) {
    return new Indexes(
        children,
        delegations,
        assignmentsByPerson,
        append(substitutionsByPerson, s.substitute(), s),
        assignmentIds,
        substitutionIds.put(s.id(), Boolean.TRUE));
  }

  List<String> children(String grantId) {
    return orEmpty(children.get(grantId));
  }

  List<Grant> delegations(String decisionType) {
    return orEmpty(delegations.get(decisionType));
  }

  List<Assignment> assignmentsOf(String person) {
    return orEmpty(assignmentsByPerson.get(person));
  }

  List<Substitution> substitutionsBy(String person) {
    return orEmpty(substitutionsByPerson.get(person));
  }

  boolean hasAssignment(String id) {
    return assignmentIds.get(id) != null;
  }

  boolean hasSubstitution(String id) {
    return substitutionIds.get(id) != null;
  }

  private static <E> List<E> orEmpty(PersistentVector<E> v) {
    return v == null ? List.of() : v;
  }

  private static <E> PersistentHashTrie<String, PersistentVector<E>> append(
      PersistentHashTrie<String, PersistentVector<E>> index, String key, E element) {
    PersistentVector<E> list = index.get(key);
    return index.put(key, (list == null ? PersistentVector.<E>empty() : list).plus(element));
  }
}
