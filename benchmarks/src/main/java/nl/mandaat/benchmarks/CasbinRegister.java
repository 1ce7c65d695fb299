package nl.mandaat.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Grant;
import nl.mandaat.core.OrgUnit;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * The same register expressed as jCasbin "RBAC with domains" policies, the usual way such a matrix
 * is put into a general policy engine: a position is a role, a unit is a domain, a decision type is
 * an object. It answers only "may this user decide this type in this unit" at one moment: no chain,
 * no ceiling, no time travel, no substitution window. That is the comparison the issue asks for.
 */
final class CasbinRegister {

  static final String MODEL =
      """
      [request_definition]
      r = sub, dom, obj, act

      [policy_definition]
      p = sub, dom, obj, act

      [role_definition]
      g = _, _, _

      [policy_effect]
      e = some(where (p.eft == allow))

      [matchers]
      m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
      """;

  private CasbinRegister() {}

  /** Policies for every grant in force at {@code moment}, and a role per assignment in force. */
  static Enforcer enforcer(Register register, Instant moment) {
    Enforcer enforcer = new Enforcer(Model.newModelFromString(MODEL));
    Map<String, List<String>> below = unitsBelow(register);
    Map<String, Set<String>> domainsOfPosition = new HashMap<>();
    List<List<String>> policies = new ArrayList<>();
    for (Grant grant : register.grantsInForce(moment)) {
      Position holder = register.positions().get(grant.holder());
      if (holder == null) {
        continue; // a delegation to a body: bodies are not users here
      }
      Set<String> roots = grant.orgUnits().isEmpty() ? Set.of(holder.unitCode()) : grant.orgUnits();
      for (String root : roots) {
        for (String unit : below.getOrDefault(root, List.of(root))) {
          for (String type : grant.decisionTypes()) {
            policies.add(List.of(holder.code(), unit, type, "decide"));
            domainsOfPosition.computeIfAbsent(holder.code(), k -> new LinkedHashSet<>()).add(unit);
          }
        }
      }
    }
    enforcer.addPolicies(policies);
    List<List<String>> roles = new ArrayList<>();
    // Rule 20 as role inheritance: a position higher in the line inherits the roles below it.
    for (Map.Entry<String, Set<String>> held : Map.copyOf(domainsOfPosition).entrySet()) {
      Position position = register.positions().get(held.getKey());
      for (String higher = position.reportsTo();
          higher != null;
          higher = register.positions().get(higher).reportsTo()) {
        for (String unit : held.getValue()) {
          roles.add(List.of(higher, held.getKey(), unit));
          domainsOfPosition.computeIfAbsent(higher, k -> new LinkedHashSet<>()).add(unit);
        }
      }
    }
    for (Assignment a : register.assignments()) {
      if (!a.window().contains(register.dateAt(moment))) {
        continue;
      }
      for (String unit : domainsOfPosition.getOrDefault(a.position(), Set.of())) {
        roles.add(List.of(a.person(), a.position(), unit));
      }
    }
    enforcer.addGroupingPolicies(roles);
    return enforcer;
  }

  /** Each unit with itself and every unit below it. */
  private static Map<String, List<String>> unitsBelow(Register register) {
    Map<String, List<String>> below = new HashMap<>();
    for (OrgUnit unit : register.units().values()) {
      for (String ancestor = unit.code();
          ancestor != null;
          ancestor = register.units().get(ancestor).parentCode()) {
        below.computeIfAbsent(ancestor, k -> new ArrayList<>()).add(unit.code());
      }
    }
    return below;
  }
}
