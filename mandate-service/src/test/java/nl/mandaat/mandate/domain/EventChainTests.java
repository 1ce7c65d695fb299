package nl.mandaat.mandate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventChainTests {

  private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456789Z");

  @Test
  void momentsAreWrittenWithExactlySixFractionDigitsInUtc() {
    assertThat(EventChain.format(AT)).isEqualTo("2026-11-28T10:15:30.123456Z");
    assertThat(EventChain.format(Instant.parse("2026-01-01T00:00:00Z")))
        .isEqualTo("2026-01-01T00:00:00.000000Z");
  }

  @Test
  void theHashCoversEveryFieldJoinedByNewlines() {
    String hash = EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{}");
    assertThat(hash).hasSize(64).matches("[0-9a-f]+");
    assertThat(EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{ }"))
        .isNotEqualTo(hash);
    assertThat(EventChain.hash(EventChain.GENESIS, 2, "GrantRecorded", AT, "beheer", "{}"))
        .isNotEqualTo(hash);
  }

  @Test
  void theHashIsTheSha256OfTheDocumentedText() throws Exception {
    String text =
        EventChain.GENESIS
            + "\n1\nGrantRecorded\n2026-11-28T10:15:30.123456Z\nbeheer\n{\"id\":\"x\"}";
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(
            EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{\"id\":\"x\"}"))
        .isEqualTo(java.util.HexFormat.of().formatHex(digest));
  }

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
