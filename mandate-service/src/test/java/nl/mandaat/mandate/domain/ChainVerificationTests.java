package nl.mandaat.mandate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.mandaat.core.EventChain;
import org.junit.jupiter.api.Test;

class ChainVerificationTests {

  private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456789Z");

  @Test
  void aVerificationNamesTheFirstEventWhoseHashDoesNotFollow() {
    ChainVerification.Walker walker = new ChainVerification.Walker();
    String prev = EventChain.GENESIS;
    for (long s = 1; s <= 4; s++) {
      String payload = s == 3 ? "{\"altered\":true}" : "{}";
      String hash = EventChain.hash(prev, s, "T", AT, "a", "{}");
      walker.accept(new RecordedEvent(s, "T", AT, "a", payload, prev, hash));
      prev = hash;
    }
    assertThat(walker.result()).isEqualTo(new ChainVerification(false, 4, 3L));
  }

  @Test
  void anUnbrokenChainIsValid() {
    ChainVerification.Walker walker = new ChainVerification.Walker();
    String prev = EventChain.GENESIS;
    for (long s = 1; s <= 3; s++) {
      String hash = EventChain.hash(prev, s, "T", AT, "a", "{}");
      walker.accept(new RecordedEvent(s, "T", AT, "a", "{}", prev, hash));
      prev = hash;
    }
    assertThat(walker.result()).isEqualTo(new ChainVerification(true, 3, null));
  }
}
