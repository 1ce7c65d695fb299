package nl.mandaat.core;

import static nl.mandaat.core.GeneratedRegisterFixtures.assertSameAnswer;
import static nl.mandaat.core.GeneratedRegisterFixtures.chainPermits;
import static nl.mandaat.core.GeneratedRegisterFixtures.forEachSeed;
import static nl.mandaat.core.GeneratedRegisterFixtures.linkPermits;
import static nl.mandaat.core.GeneratedRegisterFixtures.positionMayDecide;
import static nl.mandaat.core.GeneratedRegisterFixtures.positionsHeld;
import static nl.mandaat.core.GeneratedRegisterFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.mandaat.core.demo.GeneratedRegister;
import org.junit.jupiter.api.Test;

/**
 * Properties on generated registers (thousands of random grants and chains), each checked against
 * the raw register rather than the compiled snapshot.
 */
class GeneratedRegisterPropertyTests {

  private static Long cents(Question q) {
    return q.amount() == null ? null : q.amount().movePointRight(2).longValueExact();
  }

  @Test
  void everyPermitHoldsOnEveryLinkOfItsChainSoASubGrantNeverPermitsBeyondItsParent() {
    forEachSeed(
        12,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          int permits = 0;
          for (Question q : g.questions(1500, seed)) {
            Evaluation e = s.evaluate(q);
            if (!e.permit()) {
              continue;
            }
            permits++;
            String position = e.position().orElseThrow();
            String unit =
                q.orgUnit() != null ? q.orgUnit() : r.positions().get(position).unitCode();
            Grant previous = null;
            for (ChainLink link : e.chain()) {
              if (link.grantId() == null) {
                continue;
              }
              Grant grant = r.grants().get(link.grantId());
              assertThat(linkPermits(r, grant, q.decisionType(), unit, cents(q), q.at()))
                  .as("%s permits through %s", q, grant.id())
                  .isTrue();
              if (previous != null) {
                assertThat(grant.parentGrantId()).isEqualTo(previous.id());
              } else {
                assertThat(r.bodies()).containsKey(grant.grantor());
              }
              previous = grant;
            }
            assertThat(previous).as("a permit has a grant in its chain").isNotNull();
            assertThat(
                    previous.holder().equals(position)
                        || Validator.reportsTo(r, previous.holder(), position))
                .isTrue();
          }
          assertThat(permits)
              .as("the generated questions permit often enough to test")
              .isGreaterThan(100);
        });
  }

  /** Permits built once per grant and holding are shared: each must still be the asker's own. */
  @Test
  void aPermitEndsWithTheAskersOwnHoldOnThePositionAndCarriesTheRevision() {
    forEachSeed(
        6,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          int persons = 0;
          for (Question q : g.questions(1500, seed)) {
            Evaluation e = s.evaluate(q);
            if (!e.permit()) {
              continue;
            }
            assertThat(e.revision()).isEqualTo(r.revision());
            ChainLink last = e.chain().get(e.chain().size() - 1);
            String position = e.position().orElseThrow();
            if (q.subject().kind() == Subject.Kind.POSITION) {
              assertThat(position).isEqualTo(q.subject().code());
              assertThat(last.person()).isNull();
              continue;
            }
            persons++;
            assertThat(last.kind()).isIn(ChainLink.Kind.ASSIGNMENT, ChainLink.Kind.SUBSTITUTION);
            assertThat(last.person()).as("%s -> %s", q, e).isEqualTo(q.subject().code());
            assertThat(last.position()).as("%s -> %s", q, e).isEqualTo(position);
            assertThat(positionsHeld(r, q.subject().code(), q.at())).contains(position);
          }
          assertThat(persons).isGreaterThan(100);
          // Small registers hold one substitution at most: a larger one holds some thirty.
          Register large = GeneratedRegister.of(seed, 6000, 3000, 6).register();
          RegisterSnapshot ls = RegisterSnapshot.of(large);
          int substitutes = 0;
          for (Substitution sub : large.substitutions()) {
            for (Grant held : large.grants().values()) {
              if (!held.holder().equals(sub.position())) {
                continue;
              }
              for (LocalDate d = sub.window().from();
                  !d.isAfter(sub.window().to());
                  d = d.plusDays(1)) {
                Question q =
                    Question.builder()
                        .person(sub.substitute())
                        .decisionType(held.decisionTypes().iterator().next())
                        .at(d.atTime(12, 0).atZone(large.zone()).toInstant())
                        .build();
                Evaluation e = ls.evaluate(q);
                if (e.permit() && e.position().orElseThrow().equals(sub.position())) {
                  substitutes++;
                  ChainLink last = e.chain().get(e.chain().size() - 1);
                  assertThat(last.kind())
                      .as("%s -> %s", q, e)
                      .isEqualTo(ChainLink.Kind.SUBSTITUTION);
                  assertThat(last.person()).isEqualTo(sub.substitute());
                }
              }
            }
          }
          assertThat(substitutes).as("substitutes who decide as such").isPositive();
        });
  }

  @Test
  void theSnapshotAgreesWithABruteForceReadingOfTheRegister() {
    forEachSeed(
        8,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          int permits = 0;
          int denies = 0;
          for (Question q : g.questions(1000, seed + 1)) {
            boolean expected;
            if (q.subject().kind() == Subject.Kind.POSITION) {
              expected =
                  positionMayDecide(
                      r, q.subject().code(), q.decisionType(), q.orgUnit(), cents(q), q.at());
            } else {
              expected =
                  positionsHeld(r, q.subject().code(), q.at()).stream()
                      .anyMatch(
                          p ->
                              positionMayDecide(
                                  r, p, q.decisionType(), q.orgUnit(), cents(q), q.at()));
            }
            Evaluation e = s.evaluate(q);
            assertThat(e.permit()).as("%s -> %s", q, e).isEqualTo(expected);
            if (expected) {
              permits++;
            } else {
              denies++;
            }
          }
          assertThat(permits).isGreaterThan(50);
          assertThat(denies).isGreaterThan(50);
        });
  }

  @Test
  void revokedOrExpiredGrantsNeverPermitAfterTheirMoment() {
    forEachSeed(
        10,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          Random random = new Random(seed);
          int checked = 0;
          for (Grant grant : r.grants().values()) {
            Instant revokedAt = r.revokedAt(grant.id()).orElse(null);
            List<Instant> after = new ArrayList<>();
            if (revokedAt != null) {
              after.add(revokedAt);
              after.add(revokedAt.plusSeconds(random.nextInt(86_400 * 90)));
            }
            if (grant.window().to() != null) {
              after.add(DemoFixtures.startOf(grant.window().to().plusDays(1)));
            }
            for (Instant t : after) {
              for (String type : grant.decisionTypes()) {
                Evaluation e =
                    s.evaluate(
                        Question.builder()
                            .position(grant.holder())
                            .decisionType(type)
                            .orgUnit(r.positions().get(grant.holder()).unitCode())
                            .at(t)
                            .build());
                checked++;
                assertThat(e.chain())
                    .as("%s at %s", grant.id(), t)
                    .noneMatch(l -> grant.id().equals(l.grantId()) && e.permit());
              }
            }
          }
          assertThat(checked).isGreaterThan(20);
        });
  }

  @Test
  void anEvaluationAtAMomentEqualsOneOnTheRegisterRebuiltFromTheChangesUpToThen() {
    forEachSeed(
        6,
        seed -> {
          GeneratedRegister g = small(seed);
          RegisterSnapshot full = RegisterSnapshot.of(g.register());
          Random random = new Random(seed);
          List<Question> questions = g.questions(200, seed + 7);
          for (int m = 0; m < 12; m++) {
            Instant t = g.randomMoment(random);
            Register asOf = g.registerAsOf(t);
            assertThat(asOf.revision()).isLessThanOrEqualTo(g.register().revision());
            RegisterSnapshot rebuilt = RegisterSnapshot.of(asOf);
            for (Question q0 : questions) {
              Question q = q0.toBuilder().at(t).build();
              assertSameAnswer(full.evaluate(q), rebuilt.evaluate(q), q);
            }
            String type = g.decisionTypes().get(random.nextInt(g.decisionTypes().size()));
            assertThat(full.whoMayDecide(type, null, null, t))
                .isEqualTo(rebuilt.whoMayDecide(type, null, null, t));
          }
        });
  }

  @Test
  void whoMayDecideListsExactlyThePositionsThatGetAPermit() {
    forEachSeed(
        5,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          Random random = new Random(seed);
          for (int i = 0; i < 30; i++) {
            Grant grant = g.grants().get(random.nextInt(g.grants().size()));
            String type = grant.decisionTypes().iterator().next();
            String unit = r.positions().get(grant.holder()).unitCode();
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000_00), 2);
            Instant t = g.randomMoment(random);
            Set<String> listed = new HashSet<>();
            s.whoMayDecide(type, unit, amount, t).forEach(d -> listed.add(d.position()));
            for (String p : g.positions()) {
              boolean permit =
                  s.evaluate(
                          Question.builder()
                              .position(p)
                              .decisionType(type)
                              .orgUnit(unit)
                              .amount(amount)
                              .at(t)
                              .build())
                      .permit();
              assertThat(listed.contains(p))
                  .as("%s %s %s %s %s", p, type, unit, amount, t)
                  .isEqualTo(permit);
            }
          }
        });
  }

  @Test
  void whoMayDecideInAnyUnitAnswersExactlyAsTheScanOfEveryGrant() {
    forEachSeed(
        5,
        seed -> {
          GeneratedRegister g = small(seed);
          Register r = g.register();
          RegisterSnapshot s = RegisterSnapshot.of(r);
          Random random = new Random(seed);
          List<Instant> moments = new ArrayList<>(List.of(g.start(), g.end()));
          // The moments grants start, end and are revoked: where a later grant answers first.
          for (Grant grant : g.grants()) {
            moments.add(grant.recordedAt());
            if (!grant.window().from().equals(LocalDate.MIN)) {
              moments.add(grant.window().from().atTime(12, 0).atZone(r.zone()).toInstant());
            }
            if (grant.window().to() != null) {
              moments.add(
                  grant.window().to().plusDays(1).atTime(12, 0).atZone(r.zone()).toInstant());
            }
          }
          for (Revocation revocation : r.revocations().values()) {
            moments.add(revocation.revokedAt());
            moments.add(revocation.revokedAt().plusNanos(1));
          }
          for (int i = 0; i < 40; i++) {
            moments.add(g.randomMoment(random));
          }
          for (String type : g.decisionTypes()) {
            for (int i = 0; i < 60; i++) {
              Instant t = moments.get(random.nextInt(moments.size()));
              // Some amounts on a ceiling and one cent above it: the boundary of rule 22.
              BigDecimal ceiling = g.grants().get(random.nextInt(g.grants().size())).ceiling();
              BigDecimal amount =
                  switch (i % 5) {
                    case 0 -> null;
                    case 1 -> BigDecimal.valueOf(random.nextInt(100_000_00), 2);
                    case 2 -> BigDecimal.valueOf(random.nextInt(1_000_000_00), 2);
                    case 3 -> ceiling;
                    default -> ceiling == null ? null : ceiling.add(new BigDecimal("0.01"));
                  };
              assertThat(s.whoMayDecide(type, null, amount, t))
                  .as("%s %s %s", type, amount, t)
                  .isEqualTo(s.whoMayDecideByScan(type, null, amount, t));
            }
          }
        });
  }

  @Test
  void everyGeneratedChangePassesValidationAgainstTheRegisterBeforeIt() {
    forEachSeed(
        4,
        seed -> {
          GeneratedRegister g = GeneratedRegister.of(seed, 250, 80, 6);
          Register current = g.base();
          for (RegisterChange c : g.changes()) {
            assertThat(Validator.validate(current, c).violations()).as(c.toString()).isEmpty();
            current = current.with(c);
          }
          assertThat(current.grants()).hasSize(250);
        });
  }

  @Test
  void generatedRegistersReachTheRequestedDepthAndAreReproducible() {
    GeneratedRegister a = GeneratedRegister.of(42, 3000, 500, 6);
    GeneratedRegister b = GeneratedRegister.of(42, 3000, 500, 6);
    assertThat(a.register().grants().keySet()).isEqualTo(b.register().grants().keySet());
    int deepest =
        a.register().grants().keySet().stream()
            .mapToInt(id -> a.register().chainOf(id).size())
            .max()
            .orElse(0);
    assertThat(deepest).isEqualTo(6);
    assertThat(a.grants()).hasSize(3000);
    assertThat(a.register().revocations()).isNotEmpty();
    assertThat(a.register().substitutions()).isNotEmpty();
    assertThat(chainPermits(a.register(), a.grants().get(0), "nope", "u0", null, a.end()))
        .isFalse();
  }
}
