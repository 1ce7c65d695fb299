package nl.mandaat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.mandaat.gateway.edge.CanonicalPath.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalPathTests {

  private static final List<String> PREFIXES = List.of("/api", "/api/v1/org", "/console");

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({
    "/api/v1/org/.., DOT_SEGMENT",
    "/api/./v1, DOT_SEGMENT",
    "/api/v1/%2e%2e/x, ENCODED_UNRESERVED",
    "/api/v1/%41, ENCODED_UNRESERVED",
    "/api/v1/a%2Fb, ENCODED_SEPARATOR",
    "/api/v1/a%5Cb, ENCODED_SEPARATOR",
    "/api/v1/a%3bb, ENCODED_SEPARATOR",
    "/api/v1/%252e, ENCODED_SEPARATOR",
    "/api/v1/a%2, MALFORMED_ENCODING",
    "/api/v1/a%g1, MALFORMED_ENCODING",
    "/api/v1/a%0a, CONTROL_CHARACTER",
    "/api/v1/a;b=c, MATRIX_PARAMETER",
    "/API/v1/org, CASE_VARIANT",
    "/api/v1/Org/units, CASE_VARIANT",
    "/CONSOLE, CASE_VARIANT"
  })
  void aNonCanonicalSpellingIsRefusedWithItsReason(String path, Reason reason) {
    assertThat(CanonicalPath.check(path, PREFIXES).refused()).contains(reason);
  }

  @Test
  void aBackslashIsRefused() {
    assertThat(CanonicalPath.check("/api\\v1", PREFIXES).refused()).contains(Reason.BACKSLASH);
  }

  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource({
    "/, /",
    "//, /",
    "/api/v1/org/units, /api/v1/org/units",
    "/api//v1/org, /api/v1/org",
    "//api/v1/org/, /api/v1/org",
    "/console/, /console",
    "/api/v1/org/caf%C3%A9, /api/v1/org/caf%C3%A9",
    "/api/v1/org/a%20b, /api/v1/org/a%20b",
    "/apis/x, /apis/x",
    "/api/v1/organisation, /api/v1/organisation"
  })
  void aCanonicalOrMerelyPaddedPathIsAcceptedInItsOneSpelling(String path, String canonical) {
    assertThat(CanonicalPath.check(path, PREFIXES).canonical()).contains(canonical);
  }

  @Test
  void aPrefixOnlyCountsAtASegmentBoundary() {
    // "/APIS" is not a spelling of "/api": another first segment altogether.
    assertThat(CanonicalPath.check("/APIS/x", PREFIXES).accepted()).isTrue();
  }

  @Test
  void theLiteralPrefixOfARoutePatternStopsAtTheFirstVariable() {
    assertThat(CanonicalPathFilter.literalPrefix("/api/v1/org/**")).isEqualTo("/api/v1/org");
    assertThat(CanonicalPathFilter.literalPrefix("/api/v1/grants/{id}/x"))
        .isEqualTo("/api/v1/grants");
    assertThat(CanonicalPathFilter.literalPrefix("/")).isEmpty();
  }
}
