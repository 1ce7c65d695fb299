package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.demo.GeneratedRegister;
import org.junit.jupiter.api.Test;

/**
 * A register grown one change at a time ({@link Register#with}) shares its structure with the one
 * before; these tests hold it to the register built from the same changes at once.
 */
class RegisterChangesTests {

  /** The register's content kept in java.util collections, as the register once held it. */
  private static final class Plain {
    final Map<String, Grant> grants = new LinkedHashMap<>();
    final Map<String, Revocation> revocations = new LinkedHashMap<>();
    final List<Assignment> assignments = new ArrayList<>();
    final List<Substitution> substitutions = new ArrayList<>();
    long revision;

    Plain(Register base) {
      grants.putAll(base.grants());
      revocations.putAll(base.revocations());
      assignments.addAll(base.assignments());
      substitutions.addAll(base.substitutions());
      revision = base.revision();
    }

    void apply(RegisterChange change) {
      if (change instanceof RegisterChange.NewGrant c) {
        grants.put(c.grant().id(), c.grant());
      } else if (change instanceof RegisterChange.RevokeGrant c) {
        revocations.merge(
            c.revocation().grantId(),
            c.revocation(),
            (a, b) -> b.revokedAt().isBefore(a.revokedAt()) ? b : a);
      } else if (change instanceof RegisterChange.NewAssignment c) {
        assignments.add(c.assignment());
      } else if (change instanceof RegisterChange.NewSubstitution c) {
        substitutions.add(c.substitution());
      }
      revision++;
    }

    List<String> subGrantsOf(String id) {
      List<String> result = new ArrayList<>();
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String parent = todo.removeFirst();
        for (Grant g : grants.values()) {
          if (parent.equals(g.parentGrantId())) {
            result.add(g.id());
            todo.add(g.id());
          }
        }
      }
      return result;
    }

    List<Grant> delegationsOf(String type) {
      return grants.values().stream()
          .filter(g -> g.kind() == GrantKind.DELEGATION && g.decisionTypes().contains(type))
          .toList();
    }
  }

  private static void assertHolds(Register actual, Plain expected, Register base) {
    assertThat(actual.revision()).isEqualTo(expected.revision);
    assertThat(actual.bodies()).containsExactlyEntriesOf(base.bodies());
    assertThat(actual.positions()).containsExactlyEntriesOf(base.positions());
    assertThat(actual.decisionTypes()).containsExactlyEntriesOf(base.decisionTypes());
    assertThat(actual.grants()).containsExactlyEntriesOf(expected.grants);
    assertThat(List.copyOf(actual.grants().values()))
        .containsExactlyElementsOf(expected.grants.values());
    assertThat(actual.revocations()).containsExactlyEntriesOf(expected.revocations);
    assertThat(actual.assignments()).containsExactlyElementsOf(expected.assignments);
    assertThat(actual.substitutions()).containsExactlyElementsOf(expected.substitutions);
    for (String id : expected.grants.keySet()) {
      assertThat(actual.subGrantsOf(id)).as(id).isEqualTo(expected.subGrantsOf(id));
    }
    for (String type : base.decisionTypes().keySet()) {
      assertThat(actual.delegationsOf(type)).as(type).isEqualTo(expected.delegationsOf(type));
    }
    for (String person : base.persons().keySet()) {
      assertThat(actual.assignmentsOf(person))
          .isEqualTo(expected.assignments.stream().filter(a -> a.person().equals(person)).toList());
      assertThat(actual.substitutionsBy(person))
          .isEqualTo(
              expected.substitutions.stream().filter(s -> s.substitute().equals(person)).toList());
    }
  }

  @Test
  void theRegisterAfterNChangesOneByOneEqualsTheRegisterBuiltAtOnceAndEachOldOneIsUntouched() {
    GeneratedRegisterFixtures.forEachSeed(
        3,
        seed -> {
          GeneratedRegister g = GeneratedRegister.of(seed, 1_200, 200, 6);
          Register current = g.base();
          Plain plain = new Plain(g.base());
          List<Register> versions = new ArrayList<>();
          List<Plain> expectedVersions = new ArrayList<>();
          int n = 0;
          for (RegisterChange c : g.changes()) {
            current = current.with(c);
            plain.apply(c);
            n++;
            // Around the vector's levels (32 in the tail, 32 * 32 + 32 in one level).
            if (n == 1 || n == 32 || n == 33 || n == 1056 || n == 1057) {
              versions.add(current);
              Plain copy = new Plain(g.base());
              g.changes().subList(0, n).forEach(copy::apply);
              expectedVersions.add(copy);
            }
          }
          assertHolds(current, plain, g.base());
          Register atOnce = g.register();
          assertHolds(atOnce, plain, g.base());
          assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
          for (int i = 0; i < versions.size(); i++) {
            assertHolds(versions.get(i), expectedVersions.get(i), g.base());
          }
        });
  }

  @Test
  void aBuilderFromARegisterLeavesThatRegisterAndEveryRegisterItBuiltAlone() {
    GeneratedRegister g = GeneratedRegister.of(3, 300, 60, 4);
    Register base = g.register();
    Register.Builder b = base.toBuilder();
    Grant extra =
        Grant.builder()
            .id("extra")
            .kind(GrantKind.DELEGATION)
            .grantor(base.bodies().keySet().iterator().next())
            .holder(base.bodies().keySet().iterator().next())
            .decisionTypes(base.decisionTypes().keySet().iterator().next())
            .window(Window.ALWAYS)
            .recordedAt(java.time.Instant.EPOCH)
            .build();
    Register first = b.grant(extra).build();
    Register second =
        b.revocation(Revocation.of("extra", java.time.Instant.EPOCH, null, "besluit")).build();
    assertThat(base.grants()).doesNotContainKey("extra").hasSize(g.register().grants().size());
    assertThat(base.delegationsOf(extra.decisionTypes().iterator().next())).doesNotContain(extra);
    assertThat(first.grants()).containsKey("extra");
    assertThat(first.delegationsOf(extra.decisionTypes().iterator().next())).contains(extra);
    assertThat(first.revocations()).doesNotContainKey("extra");
    assertThat(second.revocations()).containsKey("extra");
  }
}
