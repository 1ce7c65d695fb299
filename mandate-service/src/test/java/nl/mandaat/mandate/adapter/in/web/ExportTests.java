package nl.mandaat.mandate.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Register;
import nl.mandaat.core.demo.DemoMunicipality;
import org.junit.jupiter.api.Test;

class ExportTests {

  private final Register demo = DemoMunicipality.register();

  @Test
  void aCsvCellWithACommaOrQuoteIsQuotedWithItsQuotesDoubled() {
    assertThat(ExportController.cell("plain")).isEqualTo("plain");
    assertThat(ExportController.cell("a, b")).isEqualTo("\"a, b\"");
    assertThat(ExportController.cell("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
    assertThat(ExportController.cell(null)).isEmpty();
  }

  @Test
  void theCsvHasOneLinePerGrantAfterTheHeader() {
    List<Grant> grants = List.copyOf(demo.grants().values());
    String csv = ExportController.csv(grants);
    assertThat(csv.split("\r\n")).hasSize(grants.size() + 1);
  }

  @Test
  void thePublicHtmlEscapesTextAndNamesBodiesAndPositions() {
    assertThat(ExportController.escape("<b>&\"'")).isEqualTo("&lt;b&gt;&amp;&quot;&#39;");
    String html =
        ExportController.html(
            demo, List.of(demo.grants().get("G13-afdelingshoofd-juridische-zaken")), "2026-06-01");
    assertThat(html)
        .contains("College van burgemeester en wethouders")
        .contains("Afdelingshoofd juridische-zaken")
        .contains("Beslissing op bezwaar")
        .doesNotContain("G13-");
  }
}
