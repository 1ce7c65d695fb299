package nl.mandaat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

class ProblemResponsesTests {

  @Test
  void aProblemCarriesItsCodeAtTheTopLevel() {
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.UNPROCESSABLE_CONTENT, "EXCEEDS_PARENT_CEILING", "Too much.");
    problem.setInstance(URI.create("/api/v1/grants"));

    assertThat(ProblemResponses.asDocument(problem))
        .containsEntry("status", 422)
        .containsEntry("code", "EXCEEDS_PARENT_CEILING")
        .containsEntry("detail", "Too much.")
        .containsEntry("instance", "/api/v1/grants")
        .containsEntry("title", "Unprocessable Content");
  }

  @Test
  void aProblemWithoutCodeIsNamedAfterItsStatus() {
    assertThat(ProblemResponses.asDocument(ProblemDetail.forStatus(HttpStatus.NOT_FOUND)))
        .containsEntry("code", "NOT_FOUND");
  }

  @Test
  void aMissingTokenIsChallengedWithPlainBearer() {
    assertThat(BearerProblemHandlers.challenge(new BadCredentialsException("none")))
        .isEqualTo("Bearer");
  }

  @Test
  void aRejectedTokenIsChallengedWithInvalidToken() {
    assertThat(
            BearerProblemHandlers.challenge(
                new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("expired"))))
        .isEqualTo("Bearer error=\"invalid_token\"");
  }
}
