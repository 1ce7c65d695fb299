package nl.mandaat.core;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The date of a moment in a zone, from a table of the zone's offset transitions: {@code
 * ZoneRules.getOffset} looks up yearly rules through a cache with a boxed key, which costs more
 * than the rest of an evaluation. Immutable and thread-safe.
 */
final class ZoneDays {
  private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2200-01-01T00:00:00Z");

  private final ZoneRules rules;
  private final long[] transitions;
  private final int[] offsets;

  private ZoneDays(ZoneRules rules, long[] transitions, int[] offsets) {
    this.rules = rules;
    this.transitions = transitions;
    this.offsets = offsets;
  }

  static ZoneDays of(ZoneRules rules) {
    List<ZoneOffsetTransition> found = new ArrayList<>();
    ZoneOffsetTransition t = rules.nextTransition(FROM);
    while (t != null && t.getInstant().isBefore(TO)) {
      found.add(t);
      t = rules.nextTransition(t.getInstant());
    }
    long[] transitions = new long[found.size()];
    int[] offsets = new int[found.size() + 1];
    offsets[0] = rules.getOffset(FROM).getTotalSeconds();
    for (int i = 0; i < found.size(); i++) {
      transitions[i] = found.get(i).getInstant().getEpochSecond();
      offsets[i + 1] = found.get(i).getOffsetAfter().getTotalSeconds();
    }
    return new ZoneDays(rules, transitions, offsets);
  }

  /** The epoch day of {@code moment} in the zone. */
  long epochDay(Instant moment) {
    return epochDay(moment.getEpochSecond(), moment);
  }

  /** The epoch day of {@code moment}, whose epoch second is {@code s}. */
  long epochDay(long s, Instant moment) {
    int offset;
    if (s < FROM.getEpochSecond() || s >= TO.getEpochSecond()) {
      offset = rules.getOffset(moment).getTotalSeconds();
    } else {
      int i = Arrays.binarySearch(transitions, s);
      // An exact hit is the transition itself, from which the new offset applies.
      offset = offsets[i >= 0 ? i + 1 : -i - 1];
    }
    return Math.floorDiv(s + offset, 86_400L);
  }

  /** For tests: the same answer the JDK gives. */
  static long reference(ZoneRules rules, Instant moment) {
    return ZonedDateTime.ofInstant(moment, rules.getOffset(moment)).toLocalDate().toEpochDay();
  }
}
