package nl.mandaat.mandate.application;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReadRevisionTests {

  @Test
  void theRevisionIsTheOneStored() {
    new ReadRevision(() -> Mono.just(42L))
        .current()
        .as(StepVerifier::create)
        .expectNext(42L)
        .verifyComplete();
  }

  @Test
  void anEmptyRegisterIsAtRevisionZero() {
    new ReadRevision(Mono::empty)
        .current()
        .as(StepVerifier::create)
        .expectNext(0L)
        .verifyComplete();
  }
}
