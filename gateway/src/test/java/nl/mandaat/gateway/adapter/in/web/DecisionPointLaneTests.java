package nl.mandaat.gateway.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionPointLaneTests {

  // Spring Security's ServerBearerTokenAuthenticationConverter: the lane must read tokens alike.
  private static final Pattern SPRING =
      Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

  private static String spring(String authorization) {
    Matcher matcher = SPRING.matcher(authorization);
    return matcher.matches() ? matcher.group("token") : null;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer abc.def-ghi_jkl~m+n/o==",
        "bearer abc",
        "BEARER abc=",
        "Bearer ",
        "Bearer  abc",
        "Bearer abc ",
        "Bearer ab c",
        "Bearer =",
        "Bearer abc=d",
        "Bearer abc\u00e9",
        "Bearer abc,def"
      })
  void readsATokenAsSpringSecurityDoes(String authorization) {
    assertThat(DecisionPointLane.token(authorization)).isEqualTo(spring(authorization));
  }

  @Test
  void agreesWithSpringSecurityOnRandomHeaders() {
    Random random = new Random(20261128);
    String alphabet = "aZ09-._~+/= ,;\"\u00e9\t";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder header = new StringBuilder(i % 2 == 0 ? "Bearer " : "bEaReR ");
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        header.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String authorization = header.toString();
      assertThat(DecisionPointLane.token(authorization))
          .as(authorization)
          .isEqualTo(spring(authorization));
    }
  }
}
