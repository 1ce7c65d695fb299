package nl.mandaat.core;

import java.util.List;
import java.util.Map;

/** The compiled forms a snapshot answers from; built once, never changed afterwards. */
final class Compiled {
  private Compiled() {}

  /** A position with its candidates by decision type, direct ones first. */
  static final class Pos {
    final Position position;
    final String code;
    final int unitIdx;
    final long lifeFrom;
    final long lifeTo;
    Pos up;
    int depth;
    Map<String, Ent[]> byType;
    Ent[] all;
    Holding[] holdings;

    Pos(Position position, int unitIdx) {
      this.position = position;
      this.code = position.code();
      this.unitIdx = unitIdx;
      this.lifeFrom = position.lifetime().from().toEpochDay();
      this.lifeTo =
          position.lifetime().to() == null ? Long.MAX_VALUE : position.lifetime().to().toEpochDay();
    }

    boolean existsOn(long day) {
      return day >= lifeFrom && day <= lifeTo;
    }

    /** Whether {@code other} lies above this position in the reporting line. */
    boolean isBelow(Pos other) {
      Pos p = up;
      for (int i = 0; p != null && i < 64; i++, p = p.up) {
        if (p == other) {
          return true;
        }
      }
      return false;
    }
  }

  /** A candidate as a given position may exercise it: directly (distance 0) or from above. */
  static final class Ent {
    final Cand c;
    final Pos exercising;
    final List<ChainLink> chain;
    final int distance;

    Ent(Cand c, Pos exercising, List<ChainLink> chain, int distance) {
      this.c = c;
      this.exercising = exercising;
      this.chain = chain;
      this.distance = distance;
    }
  }

  /** A grant with its whole parent chain resolved: what it permits and when. */
  static final class Cand {
    Grant leaf;
    Pos holder;
    java.util.Set<String> types;
    long fromDay;
    String fromGrant;
    long toDay;
    String toGrant;
    long recordedNanos;
    long revokedNanos;
    String revokedGrant;
    int[] unitRoots;
    String unitGrant;
    long ceiling;
    String ceilingGrant;
    boolean subMandateAllowed;
    boolean signatureOnly;
    String escalationTarget;
    String mandatorBody;
    String signature;
    String[] coSignUnits;
    String[] coSignConditions;
    long[] coSignAbove;
    boolean coSignThresholded;
    List<String> allCoSigns;
    List<String> instructions;
    List<ChainLink> chain;
    Ent[] higher = new Ent[0];
  }

  /** A person's hold on a position: by assignment or as a substitute. */
  static final class Holding {
    final Pos pos;
    final String person;
    final long fromDay;
    final long toDay;
    final long recordedNanos;
    final boolean substitution;
    final ChainLink link;

    Holding(
        Pos pos,
        String person,
        long fromDay,
        long toDay,
        long recordedNanos,
        boolean substitution) {
      this.pos = pos;
      this.person = person;
      this.fromDay = fromDay;
      this.toDay = toDay;
      this.recordedNanos = recordedNanos;
      this.substitution = substitution;
      this.link =
          substitution
              ? ChainLink.substitution(person, pos.code)
              : ChainLink.assignment(person, pos.code);
    }

    boolean inForce(long nanos, long day) {
      return recordedNanos <= nanos && day >= fromDay && day <= toDay;
    }
  }

  /** A decision type with its delegations and direct candidates. */
  static final class TypeInfo {
    final DecisionType type;
    final String code;
    Ent[] direct = new Ent[0];
    Map<String, Cand[]> delegatedBy = Map.of();
    Map<String, Cand[]> delegationsHeld = Map.of();

    TypeInfo(DecisionType type) {
      this.type = type;
      this.code = type.code();
    }
  }
}
