package nl.mandaat.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mandaat.core.Assignment;
import nl.mandaat.core.Grant;
import nl.mandaat.core.demo.DemoMunicipality;
import org.junit.jupiter.api.Test;

class PayloadJsonTests {

  private final Grant grant = DemoMunicipality.register().grants().get("G02-directeur-stad");

  @Test
  void aGrantPayloadReadsBackAsTheSameGrant() {
    assertThat(PayloadJson.read(PayloadJson.write(grant), Grant.class)).isEqualTo(grant);
  }

  @Test
  void aGrantPayloadUsesTheCoreFieldNamesAndLeavesAbsentValuesOut() {
    String json = PayloadJson.write(grant);
    assertThat(json)
        .contains("\"id\":\"G02-directeur-stad\"")
        .contains("\"window\":{\"from\":\"2026-01-01\"}")
        .contains("\"ceiling\":250000.00")
        .doesNotContain("null")
        .doesNotContain("\"valid\"")
        .doesNotContain("parentGrantId");
  }

  @Test
  void anAssignmentFromOrgServiceMapsToTheCoreRecord() {
    Assignment assignment = DemoMunicipality.register().assignments().get(0);
    assertThat(PayloadJson.read(PayloadJson.write(assignment), Assignment.class))
        .isEqualTo(assignment);
  }
}
