package nl.mandaat.core;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The date of a moment in a zone, from a table of the zone's offset transitions: {@code
 * ZoneRules.getOffset} looks up yearly rules through a cache with a boxed key, which costs more
 * than the rest of an evaluation. The transition that applies is found from a bucket of about 12
 * days rather than by binary search: questions about unrelated moments would make each of a
 * search's eight steps a mispredicted branch. Immutable and thread-safe.
 */
final class ZoneDays {
  private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2200-01-01T00:00:00Z");

  /** A bucket is 2^20 seconds, about 12.1 days: a zone changes its offset far less often. */
  private static final int BUCKET_SHIFT = 20;

  private final ZoneRules rules;
  private final long[] transitions;
  private final int[] offsets;

  /** Per bucket from {@link #FROM}: the index of the first transition at or after its start. */
  private final int[] firstTransition;

  private ZoneDays(ZoneRules rules, long[] transitions, int[] offsets) {
    this.rules = rules;
    this.transitions = transitions;
    this.offsets = offsets;
    long from = FROM.getEpochSecond();
    int buckets = (int) ((TO.getEpochSecond() - from) >>> BUCKET_SHIFT) + 1;
    this.firstTransition = new int[buckets];
    int i = 0;
    for (int b = 0; b < buckets; b++) {
      long start = from + ((long) b << BUCKET_SHIFT);
      while (i < transitions.length && transitions[i] < start) {
        i++;
      }
      firstTransition[b] = i;
    }
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
      int i = firstTransition[(int) ((s - FROM.getEpochSecond()) >>> BUCKET_SHIFT)];
      // Past every transition at or before s: from a transition's own second the new offset
      // applies.
      while (i < transitions.length && transitions[i] <= s) {
        i++;
      }
      offset = offsets[i];
    }
    return Math.floorDiv(s + offset, 86_400L);
  }

  /** For tests: the same answer the JDK gives. */
  static long reference(ZoneRules rules, Instant moment) {
    return ZonedDateTime.ofInstant(moment, rules.getOffset(moment)).toLocalDate().toEpochDay();
  }
}
