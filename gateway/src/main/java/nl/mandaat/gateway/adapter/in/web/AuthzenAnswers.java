package nl.mandaat.gateway.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.ChainLink;
import nl.mandaat.core.Competence;
import nl.mandaat.core.DecisionMaker;
import nl.mandaat.core.Evaluation;
import nl.mandaat.core.FailedAt;
import nl.mandaat.core.LocalizedText;

/** The decision point's answers as API.md shows them; absent values are left out (I-JSON). */
final class AuthzenAnswers {

  /** One evaluation's answer. */
  record Decision(boolean decision, Context context) {}

  /** The answer's context of API.md. */
  record Context(
      long revision,
      String reason,
      List<String> conditions,
      List<String> instructions,
      String signature,
      List<ChainLink> chain,
      FailedAt failedAt,
      @JsonProperty("reason_user") LocalizedText reasonUser,
      String escalateTo) {}

  /** A search result of AuthZEN 1.0: an entity with properties. */
  record Result(String type, String id, Map<String, Object> properties) {}

  private AuthzenAnswers() {}

  static Decision of(Evaluation e) {
    return new Decision(
        e.permit(),
        new Context(
            e.revision(),
            e.reason().name(),
            e.conditions(),
            e.instructions(),
            e.signature().orElse(null),
            e.chain(),
            e.failedAt().orElse(null),
            e.permit() ? null : e.reasonText(),
            e.escalateTo().orElse(null)));
  }

  /** "Who may decide": positions, or the persons holding or substituting for them. */
  static List<Result> subjects(String type, List<DecisionMaker> makers) {
    List<Result> results = new ArrayList<>();
    if (type.equals("position")) {
      for (DecisionMaker m : makers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("holders", m.holders());
        p.put("substitutes", m.substitutes());
        p.put("chain", m.chain());
        results.add(new Result("position", m.position(), p));
      }
      return results;
    }
    for (DecisionMaker m : makers) {
      for (String holder : m.holders()) {
        results.add(person(holder, m, false));
      }
      for (String substitute : m.substitutes()) {
        results.add(person(substitute, m, true));
      }
    }
    return results;
  }

  /** "What may this subject decide": one result per decision type and position. */
  static List<Result> resources(List<Competence> competences) {
    List<Result> results = new ArrayList<>(competences.size());
    for (Competence c : competences) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("position", c.position());
      p.put("orgUnits", c.units());
      BigDecimal ceiling = c.ceiling();
      if (ceiling != null) {
        p.put("ceiling", ceiling);
      }
      p.put("conditions", c.conditions());
      p.put("instructions", c.instructions());
      p.put("viaSubstitution", c.viaSubstitution());
      p.put("chain", c.chain());
      results.add(new Result("decision-type", c.decisionType(), p));
    }
    return results;
  }

  private static Result person(String username, DecisionMaker m, boolean substitute) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("position", m.position());
    p.put("viaSubstitution", substitute);
    p.put("chain", m.chain());
    return new Result("user", username, p);
  }
}
