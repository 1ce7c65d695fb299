package nl.mandaat.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validation at the source: whether a proposed change may enter the register, and if not, every
 * rule of DOMAIN.md it breaks, with the codes of API.md (plus those listed in {@link Violation}).
 *
 * <p>Stateless and thread-safe. The register is read as it stands at the change's {@code
 * recordedAt}.
 */
public final class Validator {

  private Validator() {}

  /** Every violation of {@code change} against {@code register}; accepted when there is none. */
  public static Verdict validate(Register register, RegisterChange change) {
    List<Violation> v = new ArrayList<>();
    if (change instanceof RegisterChange.NewGrant c) {
      new GrantRules(register, c.grant(), c.actor(), v).check();
    } else if (change instanceof RegisterChange.RevokeGrant c) {
      revocation(register, c.revocation(), c.actor(), v);
    } else if (change instanceof RegisterChange.NewAssignment c) {
      assignment(register, c.assignment(), c.actor(), v);
    } else if (change instanceof RegisterChange.NewSubstitution c) {
      substitution(register, c.substitution(), c.actor(), v);
    }
    return Verdict.of(v);
  }

  // ---- grants ----

  private static final class GrantRules {
    private final Register r;
    private final Grant g;
    private final Actor actor;
    private final List<Violation> v;
    private final LocalDate date;

    GrantRules(Register r, Grant g, Actor actor, List<Violation> v) {
      this.r = r;
      this.g = g;
      this.actor = actor;
      this.v = v;
      this.date = r.dateAt(g.recordedAt());
    }

    void check() {
      if (r.grants().containsKey(g.id())) {
        v.add(
            Violation.of(
                Violation.DUPLICATE_ID,
                "id",
                "Er bestaat al een verlening met id " + g.id() + ".",
                "A grant with id " + g.id() + " already exists."));
      }
      if (!g.window().isValid()) {
        v.add(
            Violation.of(
                Violation.INVALID_WINDOW,
                "validTo",
                "De einddatum ligt voor de begindatum.",
                "The end date lies before the start date."));
      }
      if (g.ceiling() != null && !validAmount(g.ceiling())) {
        v.add(invalidAmount("ceiling"));
      }
      for (CoSign s : g.coSigns()) {
        if (s.aboveAmount() != null && !validAmount(s.aboveAmount())) {
          v.add(invalidAmount("coSigns"));
        }
        if (!r.units().containsKey(s.unitCode())) {
          v.add(unknownUnit(s.unitCode(), "coSigns"));
        }
      }
      decisionTypes();
      for (String unit : g.orgUnits()) {
        if (!r.units().containsKey(unit)) {
          v.add(unknownUnit(unit, "orgUnits"));
        }
      }
      if (g.parentGrantId() == null) {
        root();
      } else {
        Grant parent = r.grants().get(g.parentGrantId());
        if (parent == null || r.chainOf(parent.id()).isEmpty()) {
          v.add(
              Violation.of(
                  Violation.UNKNOWN_GRANT,
                  "parentGrantId",
                  "Onbekende bovenliggende verlening " + g.parentGrantId() + ".",
                  "Unknown parent grant " + g.parentGrantId() + "."));
        } else {
          sub(parent);
        }
      }
    }

    private void decisionTypes() {
      if (g.decisionTypes().isEmpty()) {
        v.add(
            Violation.of(
                Violation.NO_DECISION_TYPES,
                "decisionTypes",
                "Een verlening noemt ten minste een besluittype.",
                "A grant names at least one decision type."));
      }
      for (String code : g.decisionTypes()) {
        DecisionType t = r.decisionTypes().get(code);
        if (t == null) {
          v.add(
              Violation.of(
                  Violation.UNKNOWN_DECISION_TYPE,
                  "decisionTypes",
                  "Onbekend besluittype " + code + ".",
                  "Unknown decision type " + code + "."));
        } else if (t.reservedToRaad()) {
          // Gemeentewet 156(2)
          v.add(
              Violation.of(
                  Violation.RESERVED_TO_RAAD,
                  "decisionTypes",
                  code + " is voorbehouden aan de raad (Gemeentewet 156 lid 2).",
                  code + " is reserved to the council (Gemeentewet 156(2))."));
        } else if (g.kind().followsMandateRules() && !t.mandatable()) {
          // Awb 10:3(2), and 10:12 for volmacht and machtiging
          v.add(
              Violation.of(
                  Violation.NOT_MANDATABLE,
                  "decisionTypes",
                  code
                      + " kan niet worden gemandateerd"
                      + (t.notMandatableReason() == null ? "" : ": " + t.notMandatableReason())
                      + " (Awb 10:3).",
                  code + " cannot be mandated (Awb 10:3)."));
        } else if (g.kind() == GrantKind.DELEGATION && !t.delegable()) {
          v.add(
              Violation.of(
                  Violation.NOT_DELEGABLE,
                  "decisionTypes",
                  "Geen wettelijke grondslag om " + code + " te delegeren (Awb 10:14).",
                  "No statute allows delegating " + code + " (Awb 10:14)."));
        }
      }
    }

    private void root() {
      if (!r.bodies().containsKey(g.grantor())) {
        if (r.positions().containsKey(g.grantor())) {
          v.add(
              Violation.of(
                  Violation.INVALID_GRANTOR,
                  "grantor",
                  "Een functie verleent alleen ondermandaat binnen een bovenliggend mandaat (Awb 10:1, 10:9).",
                  "A position grants only a sub-mandate within a parent grant (Awb 10:1, 10:9)."));
        } else {
          v.add(unknownBody(g.grantor(), "grantor"));
        }
      }
      bodyGrant(g.grantor());
      if (g.kind() == GrantKind.DELEGATION) {
        if (r.positions().containsKey(g.holder())) {
          // Awb 10:14
          v.add(
              Violation.of(
                  Violation.DELEGATION_TO_SUBORDINATE,
                  "holder",
                  "Delegatie aan een ondergeschikte is niet toegestaan (Awb 10:14).",
                  "Delegation to a subordinate is not allowed (Awb 10:14)."));
        } else if (!r.bodies().containsKey(g.holder())) {
          v.add(unknownBody(g.holder(), "holder"));
        } else if (g.holder().equals(g.grantor())) {
          v.add(selfGrant());
        }
        if (blank(g.legalBasis())) {
          v.add(
              Violation.of(
                  Violation.NO_STATUTORY_BASIS,
                  "legalBasis",
                  "Delegatie vereist een wettelijke grondslag (Awb 10:14).",
                  "Delegation needs a statutory basis (Awb 10:14)."));
        }
      } else {
        mandateHolder();
      }
    }

    /** Checks for a grant a body makes: recorded by an administrator, written, competent. */
    private void bodyGrant(String body) {
      if (!actor.registerAdministrator()) {
        v.add(notAdministrator());
      }
      if (blank(g.grantDecisionRef())) {
        // Awb 10:5
        v.add(
            Violation.of(
                Violation.MISSING_GRANT_DECISION,
                "grantDecisionRef",
                "Een verlening verwijst naar het schriftelijke besluit (Awb 10:5).",
                "A grant references its written grant decision (Awb 10:5)."));
      }
      if (!r.bodies().containsKey(body)) {
        return;
      }
      for (String code : g.decisionTypes()) {
        DecisionType t = r.decisionTypes().get(code);
        if (t == null) {
          continue;
        }
        boolean byLaw = t.competentBody().equals(body);
        Optional<Grant> delegatedAway = delegation(code, body, null);
        Optional<Grant> delegatedTo = delegation(code, null, body);
        if (byLaw && delegatedAway.isPresent()) {
          // Awb 10:17
          v.add(
              Violation.of(
                  Violation.NOT_COMPETENT,
                  "decisionTypes",
                  body
                      + " heeft "
                      + code
                      + " gedelegeerd en oefent die bevoegdheid niet meer uit (Awb 10:17).",
                  body + " delegated " + code + " and no longer exercises it (Awb 10:17)."));
        } else if (!byLaw && delegatedTo.isEmpty()) {
          // Gemeentewet 160, 171-175: a body grants only what it holds.
          v.add(
              Violation.of(
                  Violation.NOT_COMPETENT,
                  "decisionTypes",
                  body + " is niet bevoegd tot " + code + ".",
                  body + " does not hold the power for " + code + "."));
        }
      }
    }

    private Optional<Grant> delegation(String type, String grantor, String holder) {
      return delegationAt(r, type, grantor, holder, g.recordedAt());
    }

    private void mandateHolder() {
      Position holder = r.positions().get(g.holder());
      if (holder == null) {
        v.add(unknownPosition(g.holder(), "holder"));
        return;
      }
      if (holder.external() && (g.consent() == null || !g.consent().isComplete())) {
        // Awb 10:4
        v.add(
            Violation.of(
                Violation.NOT_SUBORDINATE,
                "consent",
                "Mandaat aan een niet-ondergeschikte vereist instemming van de gemandateerde en diens werkgever (Awb 10:4).",
                "A mandate to a non-subordinate needs the consent of the mandatary and its employer (Awb 10:4)."));
      }
    }

    private void sub(Grant parent) {
      List<Grant> chain = r.chainOf(parent.id());
      if (!g.grantor().equals(parent.holder())) {
        v.add(
            Violation.of(
                Violation.NOT_HOLDER,
                "grantor",
                "De verlener is niet de houder van de bovenliggende verlening.",
                "The grantor does not hold the parent grant."));
      }
      Optional<Instant> revoked = r.revokedAt(parent.id());
      Window parentWindow = effectiveWindow(chain);
      boolean parentRecordedLater =
          chain.stream().anyMatch(x -> x.recordedAt().isAfter(g.recordedAt()));
      if (revoked.map(x -> !x.isAfter(g.recordedAt())).orElse(false)
          || parentRecordedLater
          || (parentWindow.to() != null && parentWindow.to().isBefore(date))) {
        // Awb 10:9(2)
        v.add(
            Violation.of(
                Violation.PARENT_NOT_IN_FORCE,
                "parentGrantId",
                "De bovenliggende verlening is niet (meer) van kracht.",
                "The parent grant is not in force."));
      }
      if (parent.kind() == GrantKind.DELEGATION) {
        // The delegate body mandates a power it holds by delegation.
        if (g.kind() == GrantKind.DELEGATION) {
          v.add(
              Violation.of(
                  Violation.NO_STATUTORY_BASIS,
                  "kind",
                  "Verdere delegatie vereist een eigen wettelijke grondslag (Awb 10:14).",
                  "Further delegation needs its own statutory basis (Awb 10:14)."));
        }
        bodyGrant(parent.holder());
        mandateHolder();
      } else {
        if (!parent.subMandateAllowed()) {
          // Awb 10:9(1)
          v.add(
              Violation.of(
                  Violation.SUB_MANDATE_NOT_ALLOWED,
                  "parentGrantId",
                  "De bovenliggende verlening staat geen ondermandaat toe (Awb 10:9).",
                  "The parent grant does not allow sub-mandating (Awb 10:9)."));
        }
        actorHoldsParent(parent);
        subordinate(parent, chain);
      }
      narrowing(chain, parentWindow);
    }

    private void actorHoldsParent(Grant parent) {
      if (holdsByAssignment(r, actor.username(), parent.holder(), g.recordedAt())) {
        return;
      }
      if (holdsBySubstitution(r, actor.username(), parent.holder(), g.recordedAt())) {
        // Rule 19
        v.add(substituteMayNotGrant());
      } else {
        v.add(
            Violation.of(
                Violation.NOT_HOLDER,
                "actor",
                actor.username() + " bekleedt de functie " + parent.holder() + " niet.",
                actor.username() + " does not hold the position " + parent.holder() + "."));
      }
    }

    private void subordinate(Grant parent, List<Grant> chain) {
      Position holder = r.positions().get(g.holder());
      if (holder == null) {
        v.add(unknownPosition(g.holder(), "holder"));
        return;
      }
      // Rule 24: nobody grants a sub-mandate to themselves.
      if (g.holder().equals(g.grantor())
          || holdsByAssignment(r, actor.username(), g.holder(), g.recordedAt())
          || holdsBySubstitution(r, actor.username(), g.holder(), g.recordedAt())) {
        v.add(selfGrant());
      } else if (inChain(chain)) {
        // Awb 10:9: no cycles
        v.add(
            Violation.of(
                Violation.CYCLE,
                "holder",
                g.holder() + " komt al voor in de keten boven deze verlening.",
                g.holder() + " already appears in the chain above this grant."));
      }
      if (!g.holder().equals(g.grantor()) && !reportsTo(r, g.holder(), parent.holder())) {
        v.add(
            Violation.of(
                Violation.NOT_SUBORDINATE,
                "holder",
                g.holder() + " valt niet onder " + parent.holder() + ".",
                g.holder() + " does not report to " + parent.holder() + "."));
      } else if (holder.external() && (g.consent() == null || !g.consent().isComplete())) {
        // Awb 10:4
        v.add(
            Violation.of(
                Violation.NOT_SUBORDINATE,
                "consent",
                "Mandaat aan een niet-ondergeschikte vereist instemming (Awb 10:4).",
                "A mandate to a non-subordinate needs consent (Awb 10:4)."));
      }
    }

    private boolean inChain(List<Grant> chain) {
      for (Grant link : chain) {
        if (link.grantor().equals(g.holder()) || link.holder().equals(g.holder())) {
          return true;
        }
      }
      return false;
    }

    /** Awb 10:9: a sub-grant stays inside its parent chain. */
    private void narrowing(List<Grant> chain, Window parentWindow) {
      Set<String> types = null;
      for (Grant link : chain) {
        if (types == null) {
          types = new LinkedHashSet<>(link.decisionTypes());
        } else {
          types.retainAll(link.decisionTypes());
        }
      }
      Set<String> outside = new LinkedHashSet<>(g.decisionTypes());
      outside.removeAll(types == null ? Set.of() : types);
      if (!outside.isEmpty()) {
        v.add(
            Violation.of(
                Violation.EXCEEDS_PARENT_SCOPE,
                "decisionTypes",
                "Besluittypen buiten de bovenliggende verlening: " + outside + ".",
                "Decision types outside the parent grant: " + outside + "."));
      }
      Set<String> ownUnits = unitsOf(g);
      Set<String> unitsOutside = new LinkedHashSet<>();
      for (Grant link : chain) {
        Set<String> linkUnits = unitsOf(link);
        if (linkUnits == null) {
          continue;
        }
        if (ownUnits == null) {
          unitsOutside.add("*");
          continue;
        }
        for (String u : ownUnits) {
          if (!within(u, linkUnits)) {
            unitsOutside.add(u);
          }
        }
      }
      if (!unitsOutside.isEmpty()) {
        v.add(
            Violation.of(
                Violation.EXCEEDS_PARENT_SCOPE,
                "orgUnits",
                "Eenheden buiten de bovenliggende verlening: " + unitsOutside + ".",
                "Units outside the parent grant: " + unitsOutside + "."));
      }
      BigDecimal parentCeiling = null;
      for (Grant link : chain) {
        if (link.ceiling() != null
            && (parentCeiling == null || link.ceiling().compareTo(parentCeiling) < 0)) {
          parentCeiling = link.ceiling();
        }
      }
      if (parentCeiling != null
          && (g.ceiling() == null || g.ceiling().compareTo(parentCeiling) > 0)) {
        v.add(
            Violation.of(
                Violation.EXCEEDS_PARENT_CEILING,
                "ceiling",
                "Het plafond ligt boven dat van de bovenliggende verlening ("
                    + parentCeiling.toPlainString()
                    + ").",
                "The ceiling is above the parent grant's ("
                    + parentCeiling.toPlainString()
                    + ")."));
      }
      if (g.window().isValid() && !parentWindow.encloses(g.window())) {
        v.add(
            Violation.of(
                Violation.EXCEEDS_PARENT_VALIDITY,
                "validFrom",
                "De geldigheid valt buiten die van de bovenliggende verlening ("
                    + parentWindow.from()
                    + " tot en met "
                    + (parentWindow.to() == null ? "onbepaald" : parentWindow.to())
                    + ").",
                "The validity lies outside the parent grant's ("
                    + parentWindow.from()
                    + " to "
                    + (parentWindow.to() == null ? "open" : parentWindow.to())
                    + ")."));
      }
    }

    /** The units a grant covers as roots; null for every unit (a body holder without units). */
    private Set<String> unitsOf(Grant grant) {
      if (!grant.orgUnits().isEmpty()) {
        return grant.orgUnits();
      }
      Position p = r.positions().get(grant.holder());
      return p == null ? null : Set.of(p.unitCode());
    }

    private boolean within(String unit, Set<String> roots) {
      Set<String> seen = new HashSet<>();
      String u = unit;
      while (u != null && seen.add(u)) {
        if (roots.contains(u)) {
          return true;
        }
        OrgUnit ou = r.units().get(u);
        u = ou == null ? null : ou.parentCode();
      }
      return false;
    }

    private Violation selfGrant() {
      return Violation.of(
          Violation.SELF_GRANT,
          "holder",
          "Niemand verleent een (onder)mandaat aan zichzelf.",
          "Nobody grants a (sub-)mandate to themselves.");
    }
  }

  private static Window effectiveWindow(List<Grant> chain) {
    Window w = Window.ALWAYS;
    for (Grant g : chain) {
      w = w.intersect(g.window());
    }
    return w;
  }

  /**
   * The first delegation of {@code type} (from {@code grantor} and to {@code holder}, each null for
   * any) recorded by {@code t}, not revoked by then and not ended before its date. Looks only at
   * the delegations of that type (an index of the register), not at every grant.
   */
  static Optional<Grant> delegationAt(
      Register r, String type, String grantor, String holder, Instant t) {
    LocalDate date = r.dateAt(t);
    for (Grant d : r.delegationsOf(type)) {
      if ((grantor == null || d.grantor().equals(grantor))
          && (holder == null || d.holder().equals(holder))
          && !d.recordedAt().isAfter(t)
          && (d.window().to() == null || !d.window().to().isBefore(date))
          && r.revokedAt(d.id()).map(x -> x.isAfter(t)).orElse(true)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  // ---- revocations ----

  private static void revocation(Register r, Revocation rev, Actor actor, List<Violation> v) {
    Grant g = r.grants().get(rev.grantId());
    if (g == null) {
      v.add(
          Violation.of(
              Violation.UNKNOWN_GRANT,
              "grantId",
              "Onbekende verlening " + rev.grantId() + ".",
              "Unknown grant " + rev.grantId() + "."));
      return;
    }
    if (r.revocations().containsKey(g.id())) {
      v.add(
          Violation.of(
              Violation.ALREADY_REVOKED,
              "grantId",
              "De verlening is al ingetrokken.",
              "The grant has already been revoked."));
    }
    boolean byPosition = g.parentGrantId() != null && r.positions().containsKey(g.grantor());
    if (!byPosition && blank(rev.decisionRef())) {
      v.add(
          Violation.of(
              Violation.MISSING_GRANT_DECISION,
              "decisionRef",
              "Een intrekking door het bestuursorgaan verwijst naar het intrekkingsbesluit.",
              "A revocation by the body references its revocation decision."));
    }
    if (actor.registerAdministrator()) {
      return;
    }
    if (!byPosition) {
      v.add(notAdministrator());
    } else if (!holdsByAssignment(r, actor.username(), g.grantor(), rev.revokedAt())) {
      if (holdsBySubstitution(r, actor.username(), g.grantor(), rev.revokedAt())) {
        // Rule 19: a substitute never revokes sub-mandates.
        v.add(substituteMayNotGrant());
      } else {
        v.add(
            Violation.of(
                Violation.NOT_HOLDER,
                "actor",
                actor.username() + " bekleedt de functie van de verlener " + g.grantor() + " niet.",
                actor.username() + " does not hold the grantor's position " + g.grantor() + "."));
      }
    }
  }

  // ---- assignments and substitutions ----

  private static void assignment(Register r, Assignment a, Actor actor, List<Violation> v) {
    if (r.hasAssignment(a.id())) {
      v.add(duplicate(a.id()));
    }
    personAndPosition(r, a.person(), a.position(), a.window(), actor, v);
    Position p = r.positions().get(a.position());
    if (p == null || !a.window().isValid()) {
      return;
    }
    for (Assignment x : r.assignments()) {
      if (x.position().equals(a.position())
          && x.window().overlaps(a.window())
          && (p.singleHolder() || x.person().equals(a.person()))) {
        v.add(
            Violation.of(
                Violation.OVERLAPPING_ASSIGNMENT,
                "window",
                "De functie " + p.code() + " is in die periode al bezet door " + x.person() + ".",
                "The position " + p.code() + " is already held by " + x.person() + " then."));
        return;
      }
    }
  }

  private static void substitution(Register r, Substitution s, Actor actor, List<Violation> v) {
    if (r.hasSubstitution(s.id())) {
      v.add(duplicate(s.id()));
    }
    personAndPosition(r, s.substitute(), s.position(), s.window(), actor, v);
    for (Assignment x : r.assignments()) {
      if (x.position().equals(s.position())
          && x.person().equals(s.substitute())
          && x.window().overlaps(s.window())) {
        v.add(
            Violation.of(
                Violation.SELF_SUBSTITUTION,
                "substitute",
                s.substitute() + " kan zichzelf niet vervangen.",
                s.substitute() + " cannot substitute for themselves."));
        return;
      }
    }
  }

  private static void personAndPosition(
      Register r, String person, String position, Window window, Actor actor, List<Violation> v) {
    if (!actor.registerAdministrator()) {
      v.add(notAdministrator());
    }
    if (!r.persons().containsKey(person)) {
      v.add(
          Violation.of(
              Violation.UNKNOWN_PERSON,
              "person",
              "Onbekende persoon " + person + ".",
              "Unknown person " + person + "."));
    }
    Position p = r.positions().get(position);
    if (p == null) {
      v.add(unknownPosition(position, "position"));
    }
    if (!window.isValid()) {
      v.add(
          Violation.of(
              Violation.INVALID_WINDOW,
              "window",
              "De einddatum ligt voor de begindatum.",
              "The end date lies before the start date."));
    } else if (p != null && !p.lifetime().encloses(window)) {
      v.add(
          Violation.of(
              Violation.OUTSIDE_POSITION_LIFETIME,
              "window",
              "De periode valt buiten het bestaan van de functie " + position + ".",
              "The window lies outside the lifetime of the position " + position + "."));
    }
  }

  // ---- shared ----

  static boolean holdsByAssignment(Register r, String person, String position, Instant t) {
    LocalDate date = r.dateAt(t);
    for (Assignment a : r.assignmentsOf(person)) {
      if (a.position().equals(position)
          && !a.recordedAt().isAfter(t)
          && a.window().contains(date)) {
        return true;
      }
    }
    return false;
  }

  static boolean holdsBySubstitution(Register r, String person, String position, Instant t) {
    LocalDate date = r.dateAt(t);
    for (Substitution s : r.substitutionsBy(person)) {
      if (s.position().equals(position)
          && !s.recordedAt().isAfter(t)
          && s.window().contains(date)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code below} reports, directly or through others, to {@code above}. */
  static boolean reportsTo(Register r, String below, String above) {
    Set<String> seen = new HashSet<>();
    Position p = r.positions().get(below);
    while (p != null && p.reportsTo() != null && seen.add(p.code())) {
      if (p.reportsTo().equals(above)) {
        return true;
      }
      p = r.positions().get(p.reportsTo());
    }
    return false;
  }

  private static boolean validAmount(BigDecimal amount) {
    return amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Violation invalidAmount(String field) {
    return Violation.of(
        Violation.INVALID_AMOUNT,
        field,
        "Een bedrag is niet negatief en heeft ten hoogste twee decimalen.",
        "An amount is not negative and has at most two decimals.");
  }

  private static Violation unknownUnit(String unit, String field) {
    return Violation.of(
        Violation.UNKNOWN_ORG_UNIT,
        field,
        "Onbekende organisatie-eenheid " + unit + ".",
        "Unknown organisational unit " + unit + ".");
  }

  private static Violation unknownBody(String body, String field) {
    return Violation.of(
        Violation.UNKNOWN_BODY,
        field,
        "Onbekend bestuursorgaan " + body + ".",
        "Unknown administrative body " + body + ".");
  }

  private static Violation unknownPosition(String position, String field) {
    return Violation.of(
        Violation.UNKNOWN_POSITION,
        field,
        "Onbekende functie " + position + ".",
        "Unknown position " + position + ".");
  }

  private static Violation notAdministrator() {
    return Violation.of(
        Violation.NOT_REGISTER_ADMINISTRATOR,
        "actor",
        "Alleen de registerbeheerder legt besluiten van het bestuursorgaan en de organisatie vast.",
        "Only a register administrator records the body's decisions and the organisation.");
  }

  private static Violation substituteMayNotGrant() {
    return Violation.of(
        Violation.SUBSTITUTE_MAY_NOT_GRANT,
        "actor",
        "Een vervanger verleent, wijzigt of trekt geen ondermandaat in.",
        "A substitute never grants, changes or revokes a sub-mandate.");
  }

  private static Violation duplicate(String id) {
    return Violation.of(
        Violation.DUPLICATE_ID,
        "id",
        "Er bestaat al een vastlegging met id " + id + ".",
        "A record with id " + id + " already exists.");
  }
}
