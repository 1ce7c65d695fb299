package nl.mandaat.gateway.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.mandaat.core.Action;
import nl.mandaat.core.Question;
import nl.mandaat.core.Subject;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AuthZEN Authorization API 1.0 wire format of API.md ("The decision point"): requests read
 * into mandate-core questions, with every malformed part refused as a {@link BadRequest}; answers
 * written as I-JSON (no nulls). Thread-safe.
 */
final class AuthzenJson {

  /** A request the decision point cannot evaluate; answered 400. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * One evaluation's question with what the caller added to it.
   *
   * @param minRevision null when not given
   * @param traceparent a valid W3C {@code traceparent}, null otherwise
   * @param processingActivity {@code action.properties.processing_activity_id}, null when none
   * @param timeGiven whether {@code context.time} was given; without it the question is asked
   *     "now", which the caller sets once it holds the register it answers from
   */
  record Asked(
      Question question,
      Long minRevision,
      String traceparent,
      String processingActivity,
      JsonNode source,
      boolean timeGiven) {}

  /** A search's question. */
  record Search(
      Subject subject,
      String subjectType,
      String decisionType,
      String orgUnit,
      BigDecimal amount,
      Instant at,
      Long minRevision) {}

  /** A batch: its questions in order and the AuthZEN evaluation semantic. */
  record Batch(List<Asked> evaluations, String semantic) {}

  static final int MAX_BATCH = 1000;
  private static final int MAX_TEXT = 256;
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final List<String> SEMANTICS =
      List.of("execute_all", "deny_on_first_deny", "permit_on_first_permit");

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  // Bounded nesting and sizes (API.md: "request size, nesting depth ... bounded").
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(16)
                          .maxStringLength(64 * 1024)
                          .maxNumberLength(40)
                          .build())
                  .build())
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private AuthzenJson() {}

  static JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequest("The request has no body.");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (!node.isObject()) {
        throw new BadRequest("The request must be a JSON object.");
      }
      return node;
    } catch (JacksonException e) {
      throw new BadRequest("The request is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String write(Object answer) {
    return MAPPER.writeValueAsString(answer);
  }

  /** One evaluation request: subject, action, resource and context. */
  static Asked evaluation(JsonNode request, Instant now) {
    JsonNode subject = object(request, "subject", true);
    JsonNode action = object(request, "action", true);
    JsonNode resource = object(request, "resource", true);
    JsonNode context = object(request, "context", false);
    Question.Builder q = Question.builder().subject(subject(subject));
    q.action(action(action));
    requireDecisionType(resource);
    q.decisionType(text(resource, "id", "resource.id", true));
    JsonNode properties = object(resource, "properties", false);
    if (properties != null) {
      String unit = text(properties, "orgUnit", "resource.properties.orgUnit", false);
      if (unit != null) {
        q.orgUnit(unit);
      }
      BigDecimal amount = amount(properties);
      if (amount != null) {
        q.amount(amount);
      }
      q.deviatesFromPolicy(flag(properties, "deviatesFromPolicy"));
      q.politicallySensitive(flag(properties, "politicallySensitive"));
      String primary =
          text(
              properties,
              "objectionPrimaryDecider",
              "resource.properties.objectionPrimaryDecider",
              false);
      if (primary != null || flag(properties, "objectionPrimaryByBody")) {
        q.objectionAgainst(primary, flag(properties, "objectionPrimaryByBody"));
      }
      String reportedBy = text(properties, "reportedBy", "resource.properties.reportedBy", false);
      if (reportedBy != null) {
        q.reportedBy(reportedBy);
      }
    }
    q.at(time(context, now));
    JsonNode actionProperties = object(action, "properties", false);
    String activity =
        actionProperties == null
            ? null
            : text(
                actionProperties,
                "processing_activity_id",
                "action.properties.processing_activity_id",
                false);
    try {
      return new Asked(
          q.build(),
          minRevision(context),
          traceparent(context),
          activity,
          request,
          context != null && context.hasNonNull("time"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  /**
   * A batch (AuthZEN 1.0 "evaluations"): each item's subject, action, resource and context default
   * to the request's top-level ones.
   */
  static Batch batch(JsonNode request, Instant now) {
    JsonNode items = request.get("evaluations");
    String semantic = "execute_all";
    JsonNode options = object(request, "options", false);
    if (options != null && options.has("evaluations_semantic")) {
      semantic = options.get("evaluations_semantic").asString("");
      if (!SEMANTICS.contains(semantic)) {
        throw new BadRequest("options.evaluations_semantic must be one of " + SEMANTICS + ".");
      }
    }
    if (items == null || items.isNull()) {
      return new Batch(List.of(evaluation(request, now)), semantic);
    }
    if (!items.isArray()) {
      throw new BadRequest("evaluations must be an array.");
    }
    if (items.size() > MAX_BATCH) {
      throw new BadRequest("At most " + MAX_BATCH + " evaluations per request.");
    }
    List<Asked> asked = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        throw new BadRequest("evaluations[" + i + "] must be an object.");
      }
      ObjectNode merged = MAPPER.createObjectNode();
      for (String part : List.of("subject", "action", "resource", "context")) {
        JsonNode value = item.has(part) ? item.get(part) : request.get(part);
        if (value != null) {
          merged.set(part, value);
        }
      }
      try {
        asked.add(evaluation(merged, now));
      } catch (BadRequest e) {
        throw new BadRequest("evaluations[" + i + "]: " + e.getMessage());
      }
    }
    return new Batch(asked, semantic);
  }

  /** "Who may decide X": subject type only, the decision type, unit and amount. */
  static Search subjectSearch(JsonNode request, Instant now) {
    JsonNode subject = object(request, "subject", true);
    String type = text(subject, "type", "subject.type", true);
    if (!type.equals("user") && !type.equals("position")) {
      throw new BadRequest("subject.type must be user or position.");
    }
    requireDecide(object(request, "action", true));
    JsonNode resource = object(request, "resource", true);
    requireDecisionType(resource);
    JsonNode properties = object(resource, "properties", false);
    JsonNode context = object(request, "context", false);
    return new Search(
        null,
        type,
        text(resource, "id", "resource.id", true),
        properties == null
            ? null
            : text(properties, "orgUnit", "resource.properties.orgUnit", false),
        properties == null ? null : amount(properties),
        time(context, now),
        minRevision(context));
  }

  /** "What may this subject decide": the subject, the resource type only. */
  static Search resourceSearch(JsonNode request, Instant now) {
    Subject subject = subject(object(request, "subject", true));
    requireDecide(object(request, "action", true));
    JsonNode resource = object(request, "resource", false);
    if (resource != null) {
      String type = text(resource, "type", "resource.type", false);
      if (type != null && !type.equals("decision-type")) {
        throw new BadRequest("resource.type must be decision-type.");
      }
    }
    JsonNode context = object(request, "context", false);
    return new Search(subject, null, null, null, null, time(context, now), minRevision(context));
  }

  /** The search answer of AuthZEN 1.0: the results and a page without a next token. */
  static Map<String, Object> results(List<?> results) {
    return Map.of("results", results, "page", Map.of("next_token", ""));
  }

  private static Subject subject(JsonNode subject) {
    String type = text(subject, "type", "subject.type", true);
    String id = text(subject, "id", "subject.id", true);
    return switch (type) {
      case "user" -> Subject.person(id);
      case "position" -> Subject.position(id);
      default -> throw new BadRequest("subject.type must be user or position.");
    };
  }

  private static Action action(JsonNode action) {
    String name = text(action, "name", "action.name", true);
    return switch (name) {
      case "decide" -> Action.DECIDE;
      case "sign" -> Action.SIGN;
      case "sub-mandate" -> Action.SUB_MANDATE;
      default -> throw new BadRequest("action.name must be decide, sign or sub-mandate.");
    };
  }

  private static void requireDecide(JsonNode action) {
    if (action(action) != Action.DECIDE) {
      throw new BadRequest("Searches answer action.name decide.");
    }
  }

  private static void requireDecisionType(JsonNode resource) {
    if (!"decision-type".equals(text(resource, "type", "resource.type", true))) {
      throw new BadRequest("resource.type must be decision-type.");
    }
  }

  private static BigDecimal amount(JsonNode properties) {
    JsonNode amount = properties.get("amount");
    if (amount == null || amount.isNull()) {
      return null;
    }
    if (!amount.isNumber()) {
      throw new BadRequest("resource.properties.amount must be a number.");
    }
    BigDecimal value = amount.decimalValue();
    if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
      throw new BadRequest(
          "resource.properties.amount must be zero or more, with at most two decimals.");
    }
    return value;
  }

  private static boolean flag(JsonNode properties, String name) {
    JsonNode flag = properties.get(name);
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (!flag.isBoolean()) {
      throw new BadRequest("resource.properties." + name + " must be true or false.");
    }
    return flag.booleanValue();
  }

  private static Instant time(JsonNode context, Instant now) {
    String time = context == null ? null : text(context, "time", "context.time", false);
    if (time == null) {
      return now;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          "context.time must be an RFC 3339 date-time, e.g. 2027-01-15T10:00:00Z.");
    }
  }

  private static Long minRevision(JsonNode context) {
    JsonNode min = context == null ? null : context.get("minRevision");
    if (min == null || min.isNull()) {
      return null;
    }
    if (!min.isIntegralNumber() || !min.canConvertToLong() || min.asLong() < 0) {
      throw new BadRequest("context.minRevision must be a whole number, zero or more.");
    }
    return min.asLong();
  }

  // W3C Trace Context: an invalid traceparent is ignored, not refused.
  private static String traceparent(JsonNode context) {
    JsonNode value = context == null ? null : context.get("traceparent");
    return value != null && value.isString() && TRACEPARENT.matcher(value.asString()).matches()
        ? value.asString()
        : null;
  }

  private static JsonNode object(JsonNode parent, String name, boolean required) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        throw new BadRequest(name + " is required.");
      }
      return null;
    }
    if (!node.isObject()) {
      throw new BadRequest(name + " must be an object.");
    }
    return node;
  }

  private static String text(JsonNode parent, String name, String path, boolean required) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        throw new BadRequest(path + " is required.");
      }
      return null;
    }
    if (!node.isString() || node.asString().isBlank()) {
      throw new BadRequest(path + " must be a non-empty string.");
    }
    if (node.asString().length() > MAX_TEXT) {
      throw new BadRequest(path + " is longer than " + MAX_TEXT + " characters.");
    }
    return node.asString();
  }
}
