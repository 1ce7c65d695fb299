package nl.mandaat.mandate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

/** The outbox's hash chain: intact after the seed, broken exactly where a row was altered. */
@TestPropertySource(properties = "mandaat.db.schema=mandate_chain")
class HashChainIntegrationTests extends DemoMandateService {

  @Test
  void aRowAlteredInTheDatabaseIsDetectedAtItsSequence() {
    verification().jsonPath("$.valid").isEqualTo(true).jsonPath("$.firstBreak").doesNotExist();

    database
        .sql(
            "update outbox_event set payload = replace(payload, '250000', '950000')"
                + " where sequence = 16")
        .fetch()
        .rowsUpdated()
        .as(StepVerifier::create)
        .expectNext(1L)
        .verifyComplete();

    verification().jsonPath("$.valid").isEqualTo(false).jsonPath("$.firstBreak").isEqualTo(16);
  }
}
