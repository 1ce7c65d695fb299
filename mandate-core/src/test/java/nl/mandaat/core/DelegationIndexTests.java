package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import nl.mandaat.core.demo.GeneratedRegister;
import org.junit.jupiter.api.Test;

/**
 * The validator finds a body's delegations through the register's index by decision type; these
 * tests hold that lookup to the scan over every grant it replaced, on generated registers with
 * random delegations, revocations and windows.
 */
class DelegationIndexTests {

  /** The lookup as it was: every grant of the register, filtered. */
  private static Optional<Grant> scan(
      Register r, String type, String grantor, String holder, Instant t) {
    LocalDate date = r.dateAt(t);
    return r.grants().values().stream()
        .filter(d -> d.kind() == GrantKind.DELEGATION)
        .filter(d -> d.decisionTypes().contains(type))
        .filter(d -> grantor == null || d.grantor().equals(grantor))
        .filter(d -> holder == null || d.holder().equals(holder))
        .filter(d -> r.revokedAt(d.id()).map(x -> x.isAfter(t)).orElse(true))
        .filter(d -> !d.recordedAt().isAfter(t))
        .filter(d -> d.window().to() == null || !d.window().to().isBefore(date))
        .findFirst();
  }

  @Test
  void theIndexedLookupFindsWhatTheScanOverEveryGrantFound() {
    GeneratedRegisterFixtures.forEachSeed(
        6,
        seed -> {
          Random random = new Random(seed);
          GeneratedRegister g = GeneratedRegister.of(seed, 400, 80, 4);
          Register r = g.register();
          List<String> bodies = new ArrayList<>(r.bodies().keySet());
          bodies.add("unknown-body");
          List<String> types = new ArrayList<>(r.decisionTypes().keySet());
          Instant start = g.randomMoment(random);
          for (int i = 0; i < 300; i++) {
            Instant recorded = start.plusSeconds(random.nextInt(400 * 86_400));
            LocalDate from = r.dateAt(recorded).minusDays(random.nextInt(300));
            Grant d =
                Grant.builder()
                    .id("D" + i)
                    .kind(random.nextInt(5) == 0 ? GrantKind.MANDATE : GrantKind.DELEGATION)
                    .grantor(bodies.get(random.nextInt(bodies.size())))
                    .holder(bodies.get(random.nextInt(bodies.size())))
                    .decisionTypes(
                        types.get(random.nextInt(types.size())),
                        types.get(random.nextInt(types.size())))
                    .window(
                        Window.of(
                            from, random.nextBoolean() ? null : from.plusDays(random.nextInt(500))))
                    .legalBasis("art. 1")
                    .recordedAt(recorded)
                    .build();
            Register.Builder b = r.toBuilder().grant(d);
            if (random.nextInt(3) == 0) {
              b.revocation(
                  Revocation.of(
                      d.id(), recorded.plusSeconds(random.nextInt(200 * 86_400)), null, "besluit"));
            }
            r = b.build();
          }
          int found = 0;
          int checks = 0;
          for (int i = 0; i < 3_000; i++) {
            String type = types.get(random.nextInt(types.size()));
            String grantor =
                random.nextBoolean() ? null : bodies.get(random.nextInt(bodies.size()));
            String holder =
                grantor != null && random.nextBoolean()
                    ? null
                    : bodies.get(random.nextInt(bodies.size()));
            Instant t = start.plusSeconds(random.nextInt(600 * 86_400));
            Optional<Grant> expected = scan(r, type, grantor, holder, t);
            assertThat(Validator.delegationAt(r, type, grantor, holder, t))
                .as("%s from %s to %s at %s", type, grantor, holder, t)
                .isEqualTo(expected);
            checks++;
            if (expected.isPresent()) {
              found++;
            }
          }
          assertThat(found)
              .as("of %d lookups, enough find a delegation", checks)
              .isGreaterThan(100);
          assertThat(checks - found).as("and enough find none").isGreaterThan(100);
        });
  }
}
