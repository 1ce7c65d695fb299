package nl.mandaat.gateway.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.mandaat.core.Action;

/**
 * What a route needs before the gateway forwards a request (ARCHITECTURE.md, "The gateway"),
 * declared in the route's metadata under {@code mandaat}:
 *
 * <pre>
 * metadata:
 *   mandaat:
 *     requires: mandate            # or: public, authenticated, role
 *     decision-type: subsidie-toekenning
 *     action: decide               # optional: decide (default), sign, sub-mandate
 *     amount: body:/amount         # optional: path:NAME, query:NAME, header:NAME, body:/json/pointer
 *     unit: path:unit              # optional, same forms
 *     role: auditor                # for requires: role
 * </pre>
 */
public sealed interface RouteRequirement {

  /** The metadata key the declaration lives under. */
  String METADATA_KEY = "mandaat";

  /** Anyone, without a token. */
  record Public() implements RouteRequirement {}

  /** Any valid token. */
  record Authenticated() implements RouteRequirement {}

  /** A token with this realm role. */
  record Role(String role) implements RouteRequirement {
    public Role {
      requireText(role, "role");
    }
  }

  /**
   * A mandate of the token's person for {@code decisionType}, the amount and unit taken from the
   * request; null extractors mean the question has no amount or unit.
   */
  record Mandate(String decisionType, Action action, Extractor amount, Extractor unit)
      implements RouteRequirement {
    public Mandate {
      requireText(decisionType, "decision-type");
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * Reads the declaration of route {@code routeId} from its metadata.
   *
   * @throws IllegalArgumentException naming the route and what is missing or wrong
   */
  static RouteRequirement of(String routeId, Map<String, Object> metadata) {
    Object declared = metadata == null ? null : metadata.get(METADATA_KEY);
    if (!(declared instanceof Map<?, ?> d)) {
      throw new IllegalArgumentException(
          "route '"
              + routeId
              + "' declares no requirement: add metadata.mandaat.requires"
              + " (public, authenticated, role or mandate)");
    }
    try {
      String requires = text(d, "requires");
      if (requires == null) {
        throw new IllegalArgumentException("metadata.mandaat.requires is missing");
      }
      return switch (requires) {
        case "public" -> new Public();
        case "authenticated" -> new Authenticated();
        case "role" -> new Role(text(d, "role"));
        case "mandate" ->
            new Mandate(
                text(d, "decision-type"),
                action(text(d, "action")),
                Extractor.parseOrNull(text(d, "amount")),
                Extractor.parseOrNull(text(d, "unit")));
        default ->
            throw new IllegalArgumentException(
                "requires: '" + requires + "' is none of public, authenticated, role, mandate");
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("route '" + routeId + "': " + e.getMessage(), e);
    }
  }

  private static Action action(String name) {
    if (name == null) {
      return Action.DECIDE;
    }
    return switch (name) {
      case "decide" -> Action.DECIDE;
      case "sign" -> Action.SIGN;
      case "sub-mandate" -> Action.SUB_MANDATE;
      default ->
          throw new IllegalArgumentException(
              "action: '" + name + "' is none of decide, sign, sub-mandate");
    };
  }

  private static String text(Map<?, ?> declaration, String key) {
    Object value = declaration.get(key);
    String text = value == null ? "" : value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
  }

  /** Where a value comes from in a request. */
  record Extractor(Source source, String name) {

    /** The parts of a request a value can come from. */
    public enum Source {
      /** A URI template variable of the route's Path predicate, e.g. {@code {unit}}. */
      PATH,
      QUERY,
      HEADER,
      /** A JSON pointer into a JSON request body, e.g. {@code /amount}. */
      BODY
    }

    public Extractor {
      Objects.requireNonNull(source, "source");
      requireText(name, "the extractor's name");
      if (source == Source.BODY && !name.startsWith("/")) {
        throw new IllegalArgumentException("a body extractor is a JSON pointer: body:/field");
      }
    }

    /**
     * Parses {@code path:NAME}, {@code query:NAME}, {@code header:NAME} or {@code body:/pointer}.
     */
    public static Extractor parse(String declaration) {
      int colon = declaration.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "'" + declaration + "' is not path:, query:, header: or body: followed by a name");
      }
      String source = declaration.substring(0, colon).trim().toUpperCase(Locale.ROOT);
      try {
        return new Extractor(Source.valueOf(source), declaration.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("No enum")) {
          throw new IllegalArgumentException(
              "'" + declaration + "' is not path:, query:, header: or body: followed by a name");
        }
        throw e;
      }
    }

    static Extractor parseOrNull(String declaration) {
      return declaration == null ? null : parse(declaration);
    }
  }
}
