package nl.mandaat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIssuerIntegrationTests {

  @Test
  void aTokenCarriesTheRealmClaimShape() throws ParseException {
    var claims = SignedJWT.parse(TestIssuer.token("tm-omgeving", "manager")).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(TestIssuer.issuerUri());
    assertThat(claims.getAudience()).containsExactly("mandaat");
    assertThat(claims.getStringClaim("preferred_username")).isEqualTo("tm-omgeving");
    assertThat(claims.getJSONObjectClaim("realm_access"))
        .isEqualTo(Map.of("roles", java.util.List.of("manager")));
  }

  @Test
  void aTokenFromTheOtherIssuerNamesAnotherIssuer() throws ParseException {
    var claims = SignedJWT.parse(TestIssuer.tokenFromOtherIssuer("auditor")).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isNotEqualTo(TestIssuer.issuerUri());
  }
}
