package nl.mandaat.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mandaat.core.EventChain;
import org.junit.jupiter.api.Test;

class StoredEventTests {

  private static final String PAYLOAD = "{\"username\":\"beheer\"}";
  private static final String AT = "2026-11-28T10:15:30.123456Z";

  private static StoredEvent first() {
    String hash = EventChain.hash(EventChain.GENESIS, 1, "PersonRecorded", AT, "beheer", PAYLOAD);
    return new StoredEvent(1, "PersonRecorded", AT, "beheer", PAYLOAD, EventChain.GENESIS, hash);
  }

  @Test
  void theHashIsLowercaseHexSha256OfTheJoinedFields() {
    // echo -n "<64 zeros>\n1\nPersonRecorded\n<at>\nbeheer\n<payload>" | sha256sum
    assertThat(first().hash())
        .isEqualTo("21d7f64511627e75114bd3e58ee63875c501a9442aa68da06e0877335a7fe2e9");
  }

  @Test
  void theFirstEventFollowsTheGenesis() {
    assertThat(first().follows(EventChain.GENESIS)).isTrue();
  }

  @Test
  void aChangedPayloadBreaksTheChain() {
    StoredEvent event = first();
    StoredEvent tampered =
        new StoredEvent(
            1,
            event.type(),
            event.recordedAt(),
            event.actor(),
            "{\"username\":\"iemand\"}",
            event.prevHash(),
            event.hash());
    assertThat(tampered.follows(EventChain.GENESIS)).isFalse();
  }

  @Test
  void anEventDoesNotFollowAnotherPredecessor() {
    assertThat(first().follows("f".repeat(64))).isFalse();
  }
}
