package nl.mandaat.mandate.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.mandaat.mandate.application.port.Organisation;
import nl.mandaat.mandate.domain.OrganisationState;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OrganisationGateTests {

  private static Organisation organisation(String unavailable) {
    return new Organisation() {
      @Override
      public Flux<OrganisationState> states() {
        return Flux.just(OrganisationState.EMPTY);
      }

      @Override
      public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
      }
    };
  }

  private static boolean passes(Organisation organisation, MockServerHttpRequest request) {
    AtomicBoolean passed = new AtomicBoolean();
    WebFilterChain chain =
        exchange -> {
          passed.set(true);
          return Mono.empty();
        };
    new OrganisationGate(organisation)
        .filter(MockServerWebExchange.from(request), chain)
        .onErrorResume(e -> Mono.empty())
        .block();
    return passed.get();
  }

  @Test
  void writesGoOnWhileTheOrganisationCanBeTrusted() {
    assertThat(passes(organisation(null), MockServerHttpRequest.post("/api/v1/grants").build()))
        .isTrue();
  }

  @Test
  void readsGoOnWhenItCannot() {
    Organisation broken = organisation("an unknown event type");
    assertThat(passes(broken, MockServerHttpRequest.get("/api/v1/grants").build())).isTrue();
    assertThat(passes(broken, MockServerHttpRequest.post("/internal/v1/whatever").build()))
        .isTrue();
  }

  @Test
  void everyWriteIsRefusedWithRetryAfterWhenItCannot() {
    Organisation broken = organisation("an unknown event type");
    for (MockServerHttpRequest write :
        new MockServerHttpRequest[] {
          MockServerHttpRequest.post("/api/v1/grants").build(),
          MockServerHttpRequest.put("/api/v1/decision-types/x").build(),
          MockServerHttpRequest.patch("/api/v1/grants/g").build(),
          MockServerHttpRequest.delete("/api/v1/grants/g").build()
        }) {
      assertThat(passes(broken, write)).as(write.getMethod().name()).isFalse();
      StepVerifier.create(
              new OrganisationGate(broken)
                  .filter(MockServerWebExchange.from(write), exchange -> Mono.empty()))
          .expectErrorSatisfies(
              e -> {
                ErrorResponseException problem = (ErrorResponseException) e;
                assertThat(problem.getStatusCode().value()).isEqualTo(503);
                assertThat(problem.getBody().getProperties())
                    .containsEntry("code", "ORGANISATION_UNAVAILABLE");
                assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
              })
          .verify();
    }
  }
}
