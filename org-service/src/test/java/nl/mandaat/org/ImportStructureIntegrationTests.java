package nl.mandaat.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.mandaat.org.domain.StoredEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The import with units and positions besides persons and assignments ({@code record} column), on
 * the demo municipality: one file recorded whole, or nothing of it with every bad row reported.
 */
@TestPropertySource(properties = "mandaat.db.schema=org_import_structure")
class ImportStructureIntegrationTests extends DemoOrgService {

  private WebTestClient.ResponseSpec importCsv(String csv) {
    return web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(csv)
        .exchange();
  }

  @Test
  void unitsPositionsPersonsAndAssignmentsAreImportedTogether() {
    long head = organisation.events().head().block();
    // Person rows first: units, then positions, then persons are checked whatever the row order.
    importCsv(
            """
            record;code;name;parent;kind;headcount;unit;reportsTo;singleHolder;external;username;displayName;position;validFrom;validTo
            ;;;;;;;;;;imp-r1;Ruimte Een;afdelingshoofd-wonen;2026-09-01;
            person;;;;;;;;;;imp-r2;Ruimte Twee;medewerker-wonen;2026-09-01;
            unit;ruimte;Ruimte;gemeente;DIRECTIE;120;;;;;;;;2026-09-01;
            unit;wonen;Wonen;ruimte;AFDELING;30;;;;;;;;2026-09-01;
            unit;woningbouw;Woningbouw;wonen;TEAM;12;;;;;;;;2026-09-01;
            unit;inkoop;Inkoop & Contractbeheer;bedrijfsvoering;DEPARTMENT;28;;;;;;;;2027-01-01;
            position;directeur-ruimte;Directeur Ruimte;;;;ruimte;;;;;;;2026-09-01;
            position;afdelingshoofd-wonen;Afdelingshoofd Wonen;;;;wonen;directeur-ruimte;ja;;;;;2026-09-01;
            position;medewerker-wonen;Medewerker Wonen;;;;wonen;afdelingshoofd-wonen;nee;;;;;2026-09-01;
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rows")
        .isEqualTo(9)
        .jsonPath("$.units")
        .isEqualTo(4)
        .jsonPath("$.positions")
        .isEqualTo(3)
        .jsonPath("$.persons")
        .isEqualTo(2)
        .jsonPath("$.assignments")
        .isEqualTo(2);

    get("/api/v1/org/units/woningbouw?at=2026-09-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("wonen")
        .jsonPath("$.kind")
        .isEqualTo("TEAM")
        .jsonPath("$.headcount")
        .isEqualTo(12);
    get("/api/v1/org/units/wonen?at=2026-08-31").expectStatus().isNotFound();
    get("/api/v1/org/units/inkoop?at=2026-12-31")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Inkoop")
        .jsonPath("$.validTo")
        .isEqualTo("2026-12-31");
    get("/api/v1/org/units/inkoop?at=2027-01-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.name")
        .isEqualTo("Inkoop & Contractbeheer")
        .jsonPath("$.version")
        .isEqualTo(1);
    get("/api/v1/org/positions/medewerker-wonen")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unit")
        .isEqualTo("wonen")
        .jsonPath("$.reportsTo")
        .isEqualTo("afdelingshoofd-wonen")
        .jsonPath("$.singleHolder")
        .isEqualTo(false);
    get("/api/v1/org/persons/imp-r1/positions?at=2026-09-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].position")
        .isEqualTo("afdelingshoofd-wonen");

    List<StoredEvent> events = organisation.events().after(head).collectList().block();
    assertThat(events)
        .extracting(StoredEvent::type)
        .containsExactly(
            "UnitRecorded",
            "UnitRecorded",
            "UnitRecorded",
            "UnitRecorded",
            "UnitRecorded",
            "PositionRecorded",
            "PositionRecorded",
            "PositionRecorded",
            "PersonRecorded",
            "PersonRecorded",
            "AssignmentRecorded",
            "AssignmentRecorded");
    assertThat(events.get(3).payload())
        .contains("\"code\":\"inkoop\"")
        .contains("\"validTo\":\"2026-12-31\"");
    assertThat(events.get(4).payload()).contains("\"name\":\"Inkoop & Contractbeheer\"");
  }

  @Test
  void aFileWithBadUnitRowsStoresNothingAndReportsEveryBadRow() {
    long head = organisation.events().head().block();
    importCsv(
            """
            record,code,name,parent,kind,unit,username,displayName,position,validFrom
            unit,sport,Sport,samenleving,AFDELING,,,,,2026-10-01
            unit,cultuur,Cultuur,nergens,AFDELING,,,,,2026-10-01
            unit,stad,Stad,vergunningen,DIRECTIE,,,,,2027-02-01
            unit,haven,Haven,stad,KADE,,,,,2026-10-01
            position,hoofd-cultuur,Hoofd Cultuur,,,cultuur,,,,2026-10-01
            position,hoofd-sport,Hoofd Sport,,,sport,,,,2026-10-01
            ,,,,,,imp-sport,Sport Een,hoofd-sport,2026-10-01
            reorganisatie,x,,,,,,,,
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("IMPORT_REJECTED")
        .jsonPath("$.rows[*].line")
        .isEqualTo(List.of(3, 4, 5, 6, 9))
        .jsonPath("$.rows[*].code")
        .isEqualTo(
            List.of(
                "UNKNOWN_ORG_UNIT", "CYCLE", "INVALID_KIND", "UNKNOWN_ORG_UNIT", "INVALID_RECORD"))
        .jsonPath("$.rows[?(@.line == 3)].field")
        .isEqualTo("parent")
        .jsonPath("$.rows[?(@.line == 6)].field")
        .isEqualTo("unit");

    get("/api/v1/org/units/sport?at=2026-10-01").expectStatus().isNotFound();
    get("/api/v1/org/positions/hoofd-sport").expectStatus().isNotFound();
    get("/api/v1/org/persons/imp-sport").expectStatus().isNotFound();
    get("/api/v1/org/units/stad?at=2027-02-01")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.parent")
        .isEqualTo("gemeente")
        .jsonPath("$.validTo")
        .doesNotExist();
    assertThat(organisation.events().head().block()).isEqualTo(head);
  }

  @Test
  void anXlsxWorkbookCarriesUnitsAndPositionsToo() throws java.io.IOException {
    byte[] workbook;
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      var sheet = book.createSheet("organisatie");
      String[][] cells = {
        {"record", "code", "name", "parent", "kind", "unit", "validFrom"},
        {"eenheid", "archief", "Archief", "bedrijfsvoering", "AFDELING", "", "2026-11-01"},
        {"functie", "archivaris", "Archivaris", "", "", "archief", "2026-11-01"},
      };
      for (int r = 0; r < cells.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < cells[r].length; c++) {
          row.createCell(c).setCellValue(cells[r][c]);
        }
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .bodyValue(workbook)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.units")
        .isEqualTo(1)
        .jsonPath("$.positions")
        .isEqualTo(1)
        .jsonPath("$.persons")
        .isEqualTo(0);
    get("/api/v1/org/positions/archivaris")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.unit")
        .isEqualTo("archief");
  }

  @Test
  void aTeammanagerUnderASmallAfdelingIsImportedWithTheWarningOfPostingIt() {
    importCsv(
            """
            record,code,name,parent,kind,headcount,unit,reportsTo,validFrom
            unit,klantcontact,Klantcontact,samenleving,AFDELING,12,,,2026-10-01
            unit,balie,Balie,klantcontact,TEAM,5,,,2026-10-01
            position,teammanager-inkoop-contracten,Teammanager Contracten,,,,inkoop,afdelingshoofd-inkoop,2026-10-01
            position,coordinator-balie,Coördinator Balie,,,,balie,,2026-10-01
            position,tm-balie,Teammanager Balie,,,,balie,,2026-10-01
            position,teammanager-vergunningen-3,Teammanager Vergunningen 3,,,,vergunningen,,2026-10-01
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.positions")
        .isEqualTo(4)
        .jsonPath("$.warnings[*].line")
        .isEqualTo(List.of(4, 6))
        .jsonPath("$.warnings[*].code")
        .isEqualTo(List.of("SMALL_AFDELING", "SMALL_AFDELING"))
        .jsonPath("$.warnings[0].message")
        .value(message -> assertThat((String) message).contains("Afdeling inkoop has 25 staff"))
        .jsonPath("$.warnings[1].message")
        .value(
            message -> assertThat((String) message).contains("Afdeling klantcontact has 12 staff"));
    get("/api/v1/org/positions/teammanager-inkoop-contracten").expectStatus().isOk();
  }

  @Test
  void anImportWithoutTeammanagersUnderSmallAfdelingenHasNoWarnings() {
    importCsv(
            """
            record,code,name,unit,validFrom
            position,adviseur-inkoop,Adviseur Inkoop,inkoop,2026-10-01
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.warnings")
        .isEmpty();
  }

  @Test
  void aUnitRowThatClosesAUnitBelowWhichPositionsStayOpenIsABadRow() {
    long head = organisation.events().head().block();
    importCsv(
            """
            record,code,name,parent,kind,headcount,validFrom,validTo
            unit,publiekszaken,Publiekszaken,samenleving,AFDELING,80,2031-01-01,2031-12-31
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("IMPORT_REJECTED")
        .jsonPath("$.rows[0].line")
        .isEqualTo(2)
        .jsonPath("$.rows[0].code")
        .isEqualTo("UNIT_HAS_OPEN_POSITIONS")
        .jsonPath("$.rows[0].field")
        .isEqualTo("validTo");
    assertThat(organisation.events().head().block()).isEqualTo(head);
  }

  @Test
  void positionRowsThatOutliveTheirUnitAreBadRowsAndNothingIsStored() {
    long head = organisation.events().head().block();
    importCsv(
            """
            record,code,name,parent,kind,headcount,unit,validFrom,validTo
            unit,werkplaats,Werkplaats,bedrijfsvoering,AFDELING,10,,2026-10-01,2030-12-31
            position,meester-werkplaats,Meester,,,,werkplaats,2026-10-01,2030-12-31
            position,gezel-werkplaats,Gezel,,,,werkplaats,2026-10-01,2031-01-01
            position,leerling-werkplaats,Leerling,,,,werkplaats,2026-10-01,
            """)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("IMPORT_REJECTED")
        .jsonPath("$.rows[*].line")
        .isEqualTo(List.of(4, 5))
        .jsonPath("$.rows[*].code")
        .isEqualTo(List.of("EXCEEDS_PARENT_VALIDITY", "EXCEEDS_PARENT_VALIDITY"))
        .jsonPath("$.rows[*].field")
        .isEqualTo(List.of("validTo", "validTo"))
        .jsonPath("$.rows[0].message")
        .value(
            message ->
                assertThat((String) message)
                    .contains("Unit werkplaats ends on 2030-12-31")
                    .contains("runs until 2031-01-01"))
        .jsonPath("$.rows[1].message")
        .value(message -> assertThat((String) message).contains("is open-ended"));
    get("/api/v1/org/units/werkplaats?at=2026-10-01").expectStatus().isNotFound();
    get("/api/v1/org/positions/meester-werkplaats").expectStatus().isNotFound();
    assertThat(organisation.events().head().block()).isEqualTo(head);
  }

  @Test
  void aPositionRowOutlivesAUnitWindowThatALaterUnitRowContinues() {
    importCsv(
            """
            record,code,name,parent,kind,headcount,unit,validFrom,validTo
            unit,drukkerij,Drukkerij,bedrijfsvoering,AFDELING,10,,2026-10-01,2030-12-31
            unit,drukkerij,Repro,bedrijfsvoering,AFDELING,8,,2031-01-01,
            position,drukker,Drukker,,,,drukkerij,2026-10-01,
            """)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.units")
        .isEqualTo(2)
        .jsonPath("$.positions")
        .isEqualTo(1);
    get("/api/v1/org/positions/drukker").expectStatus().isOk();
  }
}
