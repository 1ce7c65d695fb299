package nl.mandaat.core;

import static nl.mandaat.core.GeneratedRegisterFixtures.assertSameAnswer;
import static nl.mandaat.core.GeneratedRegisterFixtures.forEachSeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.mandaat.core.demo.GeneratedRegister;
import org.junit.jupiter.api.Test;

/**
 * The own-grants shortcut ({@link OwnGrants}) answers only what the evaluator's full course
 * answers, and only where it may: on generated registers, at the moments, amounts, units, actions
 * and flags where the answer turns.
 */
class OwnGrantsTests {

  @Test
  void theShortcutGivesTheFullCoursesAnswerOrLeavesTheQuestionToIt() {
    forEachSeed(
        6,
        seed -> {
          GeneratedRegister g = GeneratedRegister.of(seed, 3000, 600, 6);
          RegisterSnapshot s = RegisterSnapshot.of(g.register());
          int answered = 0;
          int answeredElsewhere = 0;
          int permits = 0;
          int left = 0;
          for (Question q : questions(g, seed)) {
            Evaluation full = s.evaluate(q, false);
            Evaluation usual = s.evaluate(q);
            assertSame(usual, full, q);
            Evaluation shortcut = s.ownGrantPermit(q);
            if (shortcut != null) {
              assertSame(shortcut, full, q);
              answered++;
              if (q.subject().kind() == Subject.Kind.POSITION
                  && q.orgUnit() != null
                  && !q.orgUnit()
                      .equals(g.register().positions().get(q.subject().code()).unitCode())) {
                answeredElsewhere++;
              }
            } else if (full.permit()) {
              left++;
            }
            if (full.permit()) {
              permits++;
            }
          }
          // Most permits come from the holder's own grant in its unit; some need the full course.
          assertThat(answered).as("answered by the shortcut").isGreaterThan(permits / 3);
          assertThat(answeredElsewhere)
              .as("answered in another unit than the position's")
              .isPositive();
          assertThat(left).as("permits left to the full course").isPositive();
        });
  }

  @Test
  void aPersonsFirstHoldingCountsOnlyWhileItIsInForceAndASubstituteDoesNotSubMandate() {
    forEachSeed(
        3,
        seed -> {
          GeneratedRegister g = GeneratedRegister.of(seed, 3000, 600, 6);
          Register.Builder b = g.register().toBuilder();
          Random random = new Random(seed);
          List<Grant> grants = new ArrayList<>(g.register().grants().values());
          List<Question> questions = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            Grant grant = grants.get(random.nextInt(grants.size()));
            Position holder = g.register().positions().get(grant.holder());
            if (holder == null) {
              continue;
            }
            // A newcomer whose only hold on the position is bounded: an assignment or, for odd
            // ones, a substitution (rule 19), recorded some days after it starts.
            String person = "newcomer-" + i;
            java.time.LocalDate from = grant.window().from().plusDays(random.nextInt(30));
            java.time.LocalDate to = from.plusDays(random.nextInt(60));
            Instant recorded = DemoFixtures.startOf(from.plusDays(random.nextInt(3)));
            b.person(new Person(person, "sub-" + person, "Nieuw " + i));
            if (i % 2 == 0) {
              b.assignment(
                  Assignment.of("T" + i, person, holder.code(), Window.of(from, to), recorded));
            } else {
              b.substitution(
                  Substitution.of("TS" + i, person, holder.code(), Window.of(from, to), recorded));
            }
            for (Instant t :
                List.of(
                    DemoFixtures.startOf(from),
                    DemoFixtures.startOf(from).minusNanos(1),
                    recorded,
                    recorded.minusNanos(1),
                    DemoFixtures.startOf(to.plusDays(1)).minusNanos(1),
                    DemoFixtures.startOf(to.plusDays(1)))) {
              for (Action action : Action.values()) {
                questions.add(
                    Question.builder()
                        .person(person)
                        .action(action)
                        .decisionType(grant.decisionTypes().iterator().next())
                        .orgUnit(holder.unitCode())
                        .at(t)
                        .build());
              }
            }
          }
          RegisterSnapshot s = RegisterSnapshot.of(b.build());
          int answered = 0;
          int denied = 0;
          for (Question q : questions) {
            Evaluation full = s.evaluate(q, false);
            assertSame(s.evaluate(q), full, q);
            Evaluation shortcut = s.ownGrantPermit(q);
            if (shortcut != null) {
              assertSame(shortcut, full, q);
              answered++;
            }
            if (!full.permit()) {
              denied++;
            }
          }
          assertThat(answered).isPositive();
          assertThat(denied).isPositive();
        });
  }

  @Test
  void aGrantGivenForAUnitBelowThePositionsCoversThatUnitOnly() {
    // afdelingshoofd-wi sits in wi; this mandate is for its team uitkeringen only (rule 10).
    Register r =
        RegisterFixtures.demoWith(
            builder ->
                builder
                    .decisionType(
                        DecisionType.mandatable(
                            "proef-besluit", "Proefbesluit", "college", "Gemeentewet 160"))
                    .grant(
                        RegisterFixtures.mandate("X1", "afdelingshoofd-wi", "proef-besluit")
                            .orgUnits("uitkeringen")
                            .build()));
    RegisterSnapshot s = RegisterSnapshot.of(r);
    for (String unit : new String[] {"wi", "uitkeringen", "samenleving", null}) {
      for (Question.Builder q :
          List.of(
              DemoFixtures.person("ah-wi", "proef-besluit"),
              DemoFixtures.position("afdelingshoofd-wi", "proef-besluit"))) {
        Question question = q.orgUnit(unit).at(DemoFixtures.MID_2026).build();
        Evaluation e = s.evaluate(question);
        assertSame(e, s.evaluate(question, false), question);
        assertThat(e.permit()).as("%s", question).isEqualTo("uitkeringen".equals(unit));
        if ("uitkeringen".equals(unit)) {
          assertThat(s.ownGrantPermit(question)).as("%s", question).isNotNull();
        }
      }
    }
  }

  @Test
  void coSignsThatChangeAtOneOrSeveralThresholdsAreChosenByTheAmount() {
    // One threshold, two (and a co-sign always), four with a repeated one; held by a position
    // with short codes and by one whose code and unit do not fit a packed code.
    Map<String, List<CoSign>> coSigns =
        Map.of(
            "proef-1",
            List.of(CoSign.above("financien", new BigDecimal("10000"))),
            "proef-2",
            List.of(
                CoSign.always("hr"),
                CoSign.above("financien", new BigDecimal("10000")),
                CoSign.above("inkoop", new BigDecimal("50000"))),
            "proef-3",
            List.of(
                CoSign.above("financien", new BigDecimal("10000")),
                CoSign.above("inkoop", new BigDecimal("50000")),
                CoSign.above("hr", new BigDecimal("50000")),
                CoSign.above("juridische-zaken", new BigDecimal("200000"))));
    Register r =
        RegisterFixtures.demoWith(
            builder -> {
              coSigns.forEach(
                  (type, signs) -> {
                    builder.decisionType(
                        DecisionType.mandatable(
                            type, "Proefbesluit", "college", "Gemeentewet 160"));
                    for (String holder :
                        List.of("afdelingshoofd-wi", "afdelingshoofd-juridische-zaken")) {
                      Grant.Builder grant = RegisterFixtures.mandate(type + holder, holder, type);
                      signs.forEach(grant::coSign);
                      builder.grant(grant.build());
                    }
                  });
              return builder;
            });
    RegisterSnapshot s = RegisterSnapshot.of(r);
    int questions = 0;
    for (String type : coSigns.keySet()) {
      for (Question.Builder q :
          List.of(
              DemoFixtures.person("ah-wi", type).orgUnit("wi"),
              DemoFixtures.position("afdelingshoofd-wi", type),
              DemoFixtures.person("ah-juridisch", type).orgUnit("juridische-zaken"),
              DemoFixtures.position("afdelingshoofd-juridische-zaken", type))) {
        for (String amount :
            new String[] {
              null, "0", "10000", "10000.01", "50000", "50000.01", "200000", "200000.01"
            }) {
          Question question = q.amount(amount == null ? null : new BigDecimal(amount)).build();
          Evaluation shortcut = s.ownGrantPermit(question);
          assertThat(shortcut).as("%s", question).isNotNull();
          assertSame(shortcut, s.evaluate(question, false), question);
          questions++;
        }
      }
    }
    assertThat(questions).isEqualTo(96);
    Evaluation above =
        s.evaluate(
            DemoFixtures.person("ah-juridisch", "proef-3")
                .amount(new BigDecimal("200000.01"))
                .build());
    assertThat(above.conditions()).hasSize(4);
    Evaluation between =
        s.evaluate(DemoFixtures.person("ah-wi", "proef-2").amount(new BigDecimal("50000")).build());
    assertThat(between.conditions()).hasSize(2);
  }

  @Test
  void codesNamedByEqualCopiesFindTheSameEntries() {
    GeneratedRegister g = GeneratedRegister.of(GeneratedRegisterFixtures.BASE_SEED, 3000, 600, 6);
    RegisterSnapshot s = RegisterSnapshot.of(g.register());
    int answered = 0;
    for (Question q : g.questions(2000, 5)) {
      Question copy = copyCodes(q);
      Evaluation shortcut = s.ownGrantPermit(copy);
      Evaluation original = s.ownGrantPermit(q);
      assertThat(shortcut == null).as("%s", q).isEqualTo(original == null);
      if (shortcut != null) {
        answered++;
        assertSame(shortcut, original, copy);
        assertSame(shortcut, s.evaluate(copy, false), copy);
      }
    }
    assertThat(answered).isGreaterThan(100);
  }

  @Test
  void aPersonAndAPositionWithTheSameCodeAreNotConfused() {
    // "p7" is a position holding grants; a person of that name holds nothing.
    GeneratedRegister g = GeneratedRegister.of(GeneratedRegisterFixtures.BASE_SEED, 3000, 600, 6);
    Register r =
        g.register().toBuilder().person(new Person("p7", "sub-p7", "Iemand anders")).build();
    RegisterSnapshot s = RegisterSnapshot.of(r);
    Grant grant =
        r.grants().values().stream().filter(x -> "p7".equals(x.holder())).findFirst().orElseThrow();
    Question.Builder q =
        Question.builder()
            .decisionType(grant.decisionTypes().iterator().next())
            .orgUnit(r.positions().get("p7").unitCode())
            .at(DemoFixtures.startOf(grant.window().from()).plusSeconds(3600));
    Question asPerson = q.person("p7").build();
    assertThat(s.ownGrantPermit(asPerson)).isNull();
    assertThat(s.evaluate(asPerson).permit()).isFalse();
    Question asPosition = q.position("p7").build();
    assertSame(s.evaluate(asPosition), s.evaluate(asPosition, false), asPosition);
  }

  /**
   * The generator's questions, and around grants of the register: the first and last moment of
   * their window, their recording and revocation (and a nanosecond before), the ceiling and a cent
   * above, each action, without a unit, a unit above, and with every flag.
   */
  private static List<Question> questions(GeneratedRegister g, long seed) {
    Register r = g.register();
    List<Question> result = new ArrayList<>(g.questions(1500, seed + 11));
    Map<String, String> personOf = new HashMap<>();
    for (Assignment a : r.assignments()) {
      personOf.putIfAbsent(a.position(), a.person());
    }
    for (Substitution sub : r.substitutions()) {
      personOf.put(sub.position(), sub.substitute());
    }
    Random random = new Random(seed);
    List<Grant> grants = new ArrayList<>(r.grants().values());
    for (int i = 0; i < 150; i++) {
      Grant grant = grants.get(random.nextInt(grants.size()));
      Position holder = r.positions().get(grant.holder());
      if (holder == null) {
        continue;
      }
      List<Instant> moments = new ArrayList<>();
      moments.add(grant.recordedAt());
      moments.add(grant.recordedAt().minusNanos(1));
      moments.add(DemoFixtures.startOf(grant.window().from()));
      moments.add(DemoFixtures.startOf(grant.window().from()).minusNanos(1));
      if (grant.window().to() != null) {
        moments.add(DemoFixtures.startOf(grant.window().to().plusDays(1)).minusNanos(1));
        moments.add(DemoFixtures.startOf(grant.window().to().plusDays(1)));
      }
      r.revokedAt(grant.id())
          .ifPresent(
              t -> {
                moments.add(t);
                moments.add(t.minusNanos(1));
              });
      for (Instant t : moments) {
        for (String type : grant.decisionTypes()) {
          Question.Builder q =
              Question.builder().decisionType(type).orgUnit(holder.unitCode()).at(t);
          if (grant.ceiling() != null) {
            q.amount(grant.ceiling());
          }
          for (boolean asPerson : new boolean[] {true, false}) {
            if (asPerson && personOf.get(holder.code()) == null) {
              continue;
            }
            Question base =
                (asPerson ? q.person(personOf.get(holder.code())) : q.position(holder.code()))
                    .build();
            result.add(base);
            result.addAll(variants(r, base, grant, holder));
          }
        }
      }
    }
    return result;
  }

  private static List<Question> variants(Register r, Question q, Grant grant, Position holder) {
    List<Question> v = new ArrayList<>();
    v.add(q.toBuilder().orgUnit(null).build());
    String above = r.units().get(holder.unitCode()).parentCode();
    if (above != null) {
      v.add(q.toBuilder().orgUnit(above).build());
    }
    // A unit below the position's: its own grant covers it, unless one given for that unit answers.
    r.units().values().stream()
        .filter(u -> holder.unitCode().equals(u.parentCode()))
        .findFirst()
        .ifPresent(u -> v.add(q.toBuilder().orgUnit(u.code()).build()));
    v.add(q.toBuilder().action(Action.SIGN).build());
    v.add(q.toBuilder().action(Action.SUB_MANDATE).build());
    if (grant.ceiling() != null) {
      v.add(q.toBuilder().amount(grant.ceiling().add(new BigDecimal("0.01"))).build());
    }
    // The co-signs a permit names turn at their thresholds (rule 22).
    for (CoSign coSign : grant.coSigns()) {
      if (coSign.aboveAmount() != null) {
        v.add(q.toBuilder().amount(coSign.aboveAmount()).build());
        v.add(q.toBuilder().amount(coSign.aboveAmount().add(new BigDecimal("0.01"))).build());
      }
    }
    v.add(q.toBuilder().amount(BigDecimal.ZERO).build());
    v.add(q.toBuilder().amount((BigDecimal) null).build());
    v.add(q.toBuilder().politicallySensitive().build());
    v.add(q.toBuilder().deviatesFromPolicy().build());
    v.add(q.toBuilder().objectionAgainst("someone-else", false).build());
    v.add(q.toBuilder().reportedBy("someone-else").build());
    return v;
  }

  private static Question copyCodes(Question q) {
    Question.Builder b = q.toBuilder().decisionType(new String(q.decisionType()));
    if (q.orgUnit() != null) {
      b.orgUnit(new String(q.orgUnit()));
    }
    return (q.subject().kind() == Subject.Kind.PERSON
            ? b.person(new String(q.subject().code()))
            : b.position(new String(q.subject().code())))
        .build();
  }

  private static void assertSame(Evaluation a, Evaluation b, Question q) {
    assertSameAnswer(a, b, q);
    assertThat(a.revision()).as(q.toString()).isEqualTo(b.revision());
  }
}
