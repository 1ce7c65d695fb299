package nl.mandaat.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import nl.mandaat.core.Action;
import nl.mandaat.gateway.domain.RouteRequirement.Extractor;
import nl.mandaat.gateway.domain.RouteRequirement.Extractor.Source;
import org.junit.jupiter.api.Test;

class RouteRequirementTests {

  private static RouteRequirement read(Map<String, Object> declaration) {
    return RouteRequirement.of("r", Map.of("mandaat", declaration));
  }

  @Test
  void aRouteWithoutADeclarationIsRefusedByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RouteRequirement.of("subsidies", Map.of()))
        .withMessageContaining("route 'subsidies' declares no requirement");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RouteRequirement.of("subsidies", null))
        .withMessageContaining("subsidies");
  }

  @Test
  void eachKindOfRequirementIsRead() {
    assertThat(read(Map.of("requires", "public"))).isEqualTo(new RouteRequirement.Public());
    assertThat(read(Map.of("requires", "authenticated")))
        .isEqualTo(new RouteRequirement.Authenticated());
    assertThat(read(Map.of("requires", "role", "role", "auditor")))
        .isEqualTo(new RouteRequirement.Role("auditor"));
    assertThat(
            read(
                Map.of(
                    "requires", "mandate",
                    "decision-type", "subsidie-toekenning",
                    "action", "sign",
                    "amount", "body:/aanvraag/bedrag",
                    "unit", "path:unit")))
        .isEqualTo(
            new RouteRequirement.Mandate(
                "subsidie-toekenning",
                Action.SIGN,
                new Extractor(Source.BODY, "/aanvraag/bedrag"),
                new Extractor(Source.PATH, "unit")));
  }

  @Test
  void aMandateDecidesUnlessItSaysOtherwiseAndMayHaveNeitherAmountNorUnit() {
    assertThat(read(Map.of("requires", "mandate", "decision-type", "woo-besluit")))
        .isEqualTo(new RouteRequirement.Mandate("woo-besluit", Action.DECIDE, null, null));
  }

  @Test
  void everyMistakeInADeclarationNamesTheRouteAndTheMistake() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("requires", "everyone")))
        .withMessageContaining("route 'r'")
        .withMessageContaining("everyone");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("requires", "role")))
        .withMessageContaining("role is missing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("requires", "mandate")))
        .withMessageContaining("decision-type is missing");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> read(Map.of("requires", "mandate", "decision-type", "x", "action", "approve")))
        .withMessageContaining("approve");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> read(Map.of("requires", "mandate", "decision-type", "x", "amount", "cookie:a")))
        .withMessageContaining("cookie:a");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                read(Map.of("requires", "mandate", "decision-type", "x", "amount", "body:amount")))
        .withMessageContaining("JSON pointer");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> read(Map.of("decision-type", "x")))
        .withMessageContaining("requires is missing");
  }

  @Test
  void extractorsReadEachSource() {
    assertThat(Extractor.parse("query:bedrag")).isEqualTo(new Extractor(Source.QUERY, "bedrag"));
    assertThat(Extractor.parse("header: X-Amount"))
        .isEqualTo(new Extractor(Source.HEADER, "X-Amount"));
    assertThat(Extractor.parse("path:unit")).isEqualTo(new Extractor(Source.PATH, "unit"));
    assertThat(Extractor.parse("body:/a/0")).isEqualTo(new Extractor(Source.BODY, "/a/0"));
    assertThatIllegalArgumentException().isThrownBy(() -> Extractor.parse("query:"));
    assertThatIllegalArgumentException().isThrownBy(() -> Extractor.parse("bedrag"));
  }
}
