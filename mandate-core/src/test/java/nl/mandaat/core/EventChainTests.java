package nl.mandaat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
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
  void theHashIsTheSha256OfTheDocumentedText() throws Exception {
    String text =
        EventChain.GENESIS
            + "\n1\nGrantRecorded\n2026-11-28T10:15:30.123456Z\nbeheer\n{\"id\":\"x\"}";
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    assertThat(
            EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{\"id\":\"x\"}"))
        .isEqualTo(HexFormat.of().formatHex(digest));
  }

  @Test
  void theHashChangesWithEveryFieldItCovers() {
    String hash = EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{}");
    assertThat(hash).hasSize(64).matches("[0-9a-f]+");
    assertThat(EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "beheer", "{ }"))
        .isNotEqualTo(hash);
    assertThat(EventChain.hash(EventChain.GENESIS, 2, "GrantRecorded", AT, "beheer", "{}"))
        .isNotEqualTo(hash);
    assertThat(EventChain.hash(EventChain.GENESIS, 1, "GrantRevoked", AT, "beheer", "{}"))
        .isNotEqualTo(hash);
    assertThat(EventChain.hash(EventChain.GENESIS, 1, "GrantRecorded", AT, "other", "{}"))
        .isNotEqualTo(hash);
    assertThat(EventChain.hash(hash, 1, "GrantRecorded", AT, "beheer", "{}")).isNotEqualTo(hash);
  }
}
