package nl.mandaat.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One link of the chain from the competent body to the person: a grant, the body itself, a higher
 * position exercising a grant held below it (rule 20), a substitution or an assignment.
 *
 * <p>Grant links carry grantId, grantor, holder, ceiling (null: none) and window; person links
 * carry person and position; other fields are null.
 */
public record ChainLink(
    Kind kind,
    String grantId,
    String grantor,
    String holder,
    BigDecimal ceiling,
    LocalDate validFrom,
    LocalDate validTo,
    String person,
    String position) {

  /** The kinds of link. */
  public enum Kind {
    BODY,
    DELEGATION,
    MANDATE,
    SUB_MANDATE,
    SIGNATURE_MANDATE,
    POWER_OF_ATTORNEY,
    AUTHORIZATION,
    HIGHER_POSITION,
    SUBSTITUTION,
    ASSIGNMENT;

    static Kind of(GrantKind kind) {
      return switch (kind) {
        case DELEGATION -> DELEGATION;
        case MANDATE -> MANDATE;
        case SUB_MANDATE -> SUB_MANDATE;
        case SIGNATURE_MANDATE -> SIGNATURE_MANDATE;
        case POWER_OF_ATTORNEY -> POWER_OF_ATTORNEY;
        case AUTHORIZATION -> AUTHORIZATION;
      };
    }
  }

  public ChainLink {
    Objects.requireNonNull(kind, "kind");
  }

  /** The link for a grant as recorded. */
  public static ChainLink of(Grant grant) {
    return new ChainLink(
        Kind.of(grant.kind()),
        grant.id(),
        grant.grantor(),
        grant.holder(),
        grant.ceiling(),
        grant.window().from(),
        grant.window().to(),
        null,
        null);
  }

  /** The body deciding itself (Awb 10:7). */
  public static ChainLink body(String body) {
    return new ChainLink(Kind.BODY, null, null, body, null, null, null, null, null);
  }

  /** {@code higher} exercises a grant held by {@code below} (rule 20). */
  public static ChainLink higherPosition(String below, String higher) {
    return new ChainLink(Kind.HIGHER_POSITION, null, below, higher, null, null, null, null, null);
  }

  public static ChainLink assignment(String person, String position) {
    return new ChainLink(Kind.ASSIGNMENT, null, null, null, null, null, null, person, position);
  }

  public static ChainLink substitution(String person, String position) {
    return new ChainLink(Kind.SUBSTITUTION, null, null, null, null, null, null, person, position);
  }
}
