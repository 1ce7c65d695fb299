package nl.mandaat.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A grant of a power: delegation, mandate, sub-mandate, signature mandate, volmacht or machtiging.
 *
 * <p>Immutable; collections are unmodifiable copies in the order given.
 *
 * @param parentGrantId the grant this one is passed on from, null for a root grant
 * @param grantor a body code for a root grant, a position code for a sub-grant (the parent's
 *     holder)
 * @param holder a body code for a delegation, else a position code
 * @param orgUnits the units covered, each with every unit below it; empty means the holder
 *     position's own unit (for a body holder: every unit)
 * @param ceiling the maximum amount per decision, null for none
 * @param conditions the mandator's conditions in words, returned with every permit (Awb 10:6)
 * @param instructions the mandator's instructions, returned with every permit (Awb 10:6)
 * @param excludesHigherPositions true when positions above the holder may not exercise it (rule 20)
 * @param escalationTarget where a case that deviates from policy goes (a position or body code);
 *     null: the body (rule 21)
 * @param grantDecisionRef the written grant decision (mandaatbesluit, Awb 10:5)
 * @param legalBasis the statutory basis of a delegation (Awb 10:14)
 * @param consent the consent of a non-subordinate mandatary (Awb 10:4), null when none
 */
public record Grant(
    String id,
    GrantKind kind,
    String parentGrantId,
    String grantor,
    String holder,
    Set<String> decisionTypes,
    Set<String> orgUnits,
    BigDecimal ceiling,
    Window window,
    List<String> conditions,
    List<String> instructions,
    List<CoSign> coSigns,
    boolean subMandateAllowed,
    boolean excludesHigherPositions,
    String escalationTarget,
    String grantDecisionRef,
    String legalBasis,
    Consent consent,
    Instant recordedAt) {

  public Grant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(grantor, "grantor");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(recordedAt, "recordedAt");
    decisionTypes = orderedSet(decisionTypes);
    orgUnits = orderedSet(orgUnits);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    instructions = instructions == null ? List.of() : List.copyOf(instructions);
    coSigns = coSigns == null ? List.of() : List.copyOf(coSigns);
  }

  private static Set<String> orderedSet(Collection<String> values) {
    if (values == null || values.isEmpty()) {
      return Set.of();
    }
    if (values.size() == 1) {
      return Set.of(values.iterator().next());
    }
    // Keeps the order given, so that answers list types and units as recorded.
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this grant's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.kind = kind;
    b.parentGrantId = parentGrantId;
    b.grantor = grantor;
    b.holder = holder;
    b.decisionTypes.addAll(decisionTypes);
    b.orgUnits.addAll(orgUnits);
    b.ceiling = ceiling;
    b.window = window;
    b.conditions.addAll(conditions);
    b.instructions.addAll(instructions);
    b.coSigns.addAll(coSigns);
    b.subMandateAllowed = subMandateAllowed;
    b.excludesHigherPositions = excludesHigherPositions;
    b.escalationTarget = escalationTarget;
    b.grantDecisionRef = grantDecisionRef;
    b.legalBasis = legalBasis;
    b.consent = consent;
    b.recordedAt = recordedAt;
    return b;
  }

  /** Builds a {@link Grant}; not thread-safe. */
  public static final class Builder {
    private String id;
    private GrantKind kind = GrantKind.MANDATE;
    private String parentGrantId;
    private String grantor;
    private String holder;
    private final Set<String> decisionTypes = new LinkedHashSet<>();
    private final Set<String> orgUnits = new LinkedHashSet<>();
    private BigDecimal ceiling;
    private Window window;
    private final List<String> conditions = new ArrayList<>();
    private final List<String> instructions = new ArrayList<>();
    private final List<CoSign> coSigns = new ArrayList<>();
    private boolean subMandateAllowed;
    private boolean excludesHigherPositions;
    private String escalationTarget;
    private String grantDecisionRef;
    private String legalBasis;
    private Consent consent;
    private Instant recordedAt;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder kind(GrantKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder parent(String parentGrantId) {
      this.parentGrantId = parentGrantId;
      return this;
    }

    public Builder grantor(String grantor) {
      this.grantor = grantor;
      return this;
    }

    public Builder holder(String holder) {
      this.holder = holder;
      return this;
    }

    public Builder decisionTypes(String... codes) {
      decisionTypes.clear();
      decisionTypes.addAll(List.of(codes));
      return this;
    }

    public Builder decisionTypes(Collection<String> codes) {
      decisionTypes.clear();
      decisionTypes.addAll(codes);
      return this;
    }

    public Builder orgUnits(String... codes) {
      orgUnits.clear();
      orgUnits.addAll(List.of(codes));
      return this;
    }

    public Builder orgUnits(Collection<String> codes) {
      orgUnits.clear();
      orgUnits.addAll(codes);
      return this;
    }

    public Builder ceiling(BigDecimal ceiling) {
      this.ceiling = ceiling;
      return this;
    }

    public Builder ceiling(String ceiling) {
      this.ceiling = ceiling == null ? null : new BigDecimal(ceiling);
      return this;
    }

    public Builder window(Window window) {
      this.window = window;
      return this;
    }

    public Builder validFrom(LocalDate from) {
      this.window = new Window(from, window == null ? null : window.to());
      return this;
    }

    public Builder validTo(LocalDate to) {
      this.window = new Window(window == null ? LocalDate.MIN : window.from(), to);
      return this;
    }

    public Builder condition(String condition) {
      conditions.add(condition);
      return this;
    }

    public Builder instruction(String instruction) {
      instructions.add(instruction);
      return this;
    }

    public Builder coSign(CoSign coSign) {
      coSigns.add(coSign);
      return this;
    }

    public Builder subMandateAllowed(boolean allowed) {
      this.subMandateAllowed = allowed;
      return this;
    }

    public Builder excludesHigherPositions(boolean excludes) {
      this.excludesHigherPositions = excludes;
      return this;
    }

    public Builder escalationTarget(String target) {
      this.escalationTarget = target;
      return this;
    }

    public Builder grantDecisionRef(String ref) {
      this.grantDecisionRef = ref;
      return this;
    }

    public Builder legalBasis(String legalBasis) {
      this.legalBasis = legalBasis;
      return this;
    }

    public Builder consent(Consent consent) {
      this.consent = consent;
      return this;
    }

    public Builder recordedAt(Instant recordedAt) {
      this.recordedAt = recordedAt;
      return this;
    }

    /**
     * The grant.
     *
     * @throws NullPointerException when id, grantor, holder, window or recordedAt is missing
     */
    public Grant build() {
      return new Grant(
          id,
          kind,
          parentGrantId,
          grantor,
          holder,
          decisionTypes,
          orgUnits,
          ceiling,
          window,
          conditions,
          instructions,
          coSigns,
          subMandateAllowed,
          excludesHigherPositions,
          escalationTarget,
          grantDecisionRef,
          legalBasis,
          consent,
          recordedAt);
    }
  }
}
