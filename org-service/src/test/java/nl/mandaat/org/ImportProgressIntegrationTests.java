package nl.mandaat.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The import with its progress ({@code Accept: application/x-ndjson}) on the demo municipality: the
 * progress lines of a large file, then its report or its problem; the JSON answer without it.
 */
@TestPropertySource(properties = "mandaat.db.schema=org_import_progress")
class ImportProgressIntegrationTests extends DemoOrgService {

  private static final ParameterizedTypeReference<Map<String, Object>> LINE =
      new ParameterizedTypeReference<>() {};

  /** A large import takes a while on a loaded machine. */
  @Override
  Duration responseTimeout() {
    return Duration.ofMinutes(2);
  }

  /** {@code persons} persons named {@code prefix-00000} ..., each holding a demo position. */
  private static String persons(String prefix, int persons) {
    StringBuilder csv = new StringBuilder("username,displayName,position,validFrom\n");
    for (int i = 0; i < persons; i++) {
      String position = i % 2 == 0 ? "medewerker-vergunningen" : "medewerker-wi";
      csv.append(
          String.format(
              Locale.ROOT, "%s-%05d,Medewerker %d,%s,2026-03-01%n", prefix, i, i, position));
    }
    return csv.toString();
  }

  private WebTestClient.ResponseSpec importWithProgress(String csv, String token) {
    return web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.parseMediaType("text/csv"))
        .accept(MediaType.APPLICATION_NDJSON)
        .bodyValue(csv)
        .exchange();
  }

  private List<Map<String, Object>> lines(WebTestClient.ResponseSpec response) {
    Flux<Map<String, Object>> body =
        response
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
            .returnResult(LINE)
            .getResponseBody();
    List<Map<String, Object>> lines = new ArrayList<>();
    body.as(StepVerifier::create)
        .recordWith(() -> lines)
        .thenConsumeWhile(line -> true)
        .verifyComplete();
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> progress(List<Map<String, Object>> lines) {
    return lines.stream()
        .filter(line -> line.containsKey("progress"))
        .map(line -> (Map<String, Object>) line.get("progress"))
        .toList();
  }

  private static int count(Map<String, Object> progress, String member) {
    return ((Number) progress.get(member)).intValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLargeFileReportsItsProgressAsItGoesThenItsReport() {
    int persons = 3_000;
    List<Map<String, Object>> lines = lines(importWithProgress(persons("groot", persons), BEHEER));

    List<Map<String, Object>> progress = progress(lines);
    // Every line but the last is progress; each has exactly one member.
    assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(1));
    assertThat(progress).hasSize(lines.size() - 1);
    assertThat(progress.size()).isGreaterThan(10);

    assertThat(progress.get(0))
        .containsEntry("phase", "read")
        .containsEntry("rows", persons)
        .containsEntry("validated", 0)
        .containsEntry("written", 0);
    assertThat(progress).extracting(p -> p.get("phase")).contains("validate", "write", "commit");
    List<String> phases = List.of("read", "validate", "write", "commit");
    for (int i = 1; i < progress.size(); i++) {
      Map<String, Object> before = progress.get(i - 1);
      Map<String, Object> now = progress.get(i);
      assertThat(phases.indexOf((String) now.get("phase")))
          .isGreaterThanOrEqualTo(phases.indexOf((String) before.get("phase")));
      assertThat(count(now, "validated")).isGreaterThanOrEqualTo(count(before, "validated"));
      assertThat(count(now, "records")).isGreaterThanOrEqualTo(count(before, "records"));
      assertThat(count(now, "written")).isGreaterThanOrEqualTo(count(before, "written"));
      assertThat(now).isNotEqualTo(before);
    }
    assertThat(progress)
        .filteredOn(p -> "validate".equals(p.get("phase")))
        .extracting(p -> count(p, "validated"))
        .contains(500, 1_000, 2_500, persons);
    Map<String, Object> last = progress.get(progress.size() - 1);
    assertThat(last)
        .containsEntry("phase", "commit")
        .containsEntry("rows", persons)
        .containsEntry("validated", persons)
        .containsEntry("records", 2 * persons)
        .containsEntry("written", 2 * persons);

    Map<String, Object> report = (Map<String, Object>) lines.get(lines.size() - 1).get("report");
    assertThat(report)
        .containsEntry("rows", persons)
        .containsEntry("persons", persons)
        .containsEntry("assignments", persons)
        .containsEntry("units", 0)
        .containsEntry("positions", 0)
        .containsEntry("warnings", List.of());
    assertThat(((Number) report.get("revision")).longValue())
        .isEqualTo(organisation.events().head().block());
    web.get()
        .uri("/api/v1/org/persons/groot-02999/positions?at=2026-03-01")
        .headers(h -> h.setBearerAuth(MEDEWERKER))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].position")
        .isEqualTo("medewerker-wi");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLargeFileWithBadRowsEndsInTheProblemWithEveryBadRowAndStoresNothing() {
    long head = organisation.events().head().block();
    String csv =
        persons("fout", 1_200)
            .replace("fout-00007,Medewerker 7,medewerker-wi", "fout-00007,Medewerker 7,nergens")
            .replace(
                "fout-00700,Medewerker 700,medewerker-vergunningen,2026-03-01",
                "fout-00700,Medewerker 700,medewerker-vergunningen,1 maart")
            .replace("fout-01100,", "fout-00001,");
    List<Map<String, Object>> lines = lines(importWithProgress(csv, BEHEER));

    List<Map<String, Object>> progress = progress(lines);
    assertThat(progress.size()).isGreaterThanOrEqualTo(3);
    assertThat(progress)
        .noneMatch(p -> "write".equals(p.get("phase")) || "commit".equals(p.get("phase")))
        .last()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("phase", "validate")
                    .containsEntry("validated", 1_200)
                    .containsEntry("records", 0)
                    .containsEntry("written", 0));
    Map<String, Object> problem = (Map<String, Object>) lines.get(lines.size() - 1).get("problem");
    assertThat(problem)
        .containsEntry("status", 422)
        .containsEntry("code", "IMPORT_REJECTED")
        .containsEntry("instance", "/api/v1/org/import");
    List<Map<String, Object>> rows = (List<Map<String, Object>>) problem.get("rows");
    assertThat(rows).extracting(r -> r.get("line")).containsExactly(9, 702, 1102);
    assertThat(rows)
        .extracting(r -> r.get("code"))
        .containsExactly("UNKNOWN_POSITION", "INVALID_DATE", "DUPLICATE_ID");

    assertThat(organisation.events().head().block()).isEqualTo(head);
    web.get()
        .uri("/api/v1/org/persons/fout-00000")
        .headers(h -> h.setBearerAuth(MEDEWERKER))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aClientThatGoesAwayCancelsTheImportAndNothingOfItIsStored() {
    long head = organisation.events().head().block();
    importWithProgress(persons("weg", 5_000), BEHEER)
        .expectStatus()
        .isOk()
        .returnResult(LINE)
        .getResponseBody()
        .take(2)
        .as(StepVerifier::create)
        .expectNextCount(2)
        .verifyComplete();

    // A write waits for the register's lock: this one runs once the import has ended, one way or
    // the other, and its revision shows whether the import's 10,000 events went before it.
    web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(persons("daarna", 1))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.revision")
        .isEqualTo((int) head + 2);
    web.get()
        .uri("/api/v1/org/persons/weg-00000")
        .headers(h -> h.setBearerAuth(MEDEWERKER))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void withoutTheNdjsonAcceptTheAnswerIsTheJsonReportAsBefore() {
    web.post()
        .uri("/api/v1/org/import")
        .headers(h -> h.setBearerAuth(BEHEER))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(persons("json", 3))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.rows")
        .isEqualTo(3)
        .jsonPath("$.persons")
        .isEqualTo(3)
        .jsonPath("$.progress")
        .doesNotExist();
  }

  @Test
  void aCallerWithoutTheRoleIsRefusedWithAStatusNotAStream() {
    importWithProgress(persons("indringer", 2), MEDEWERKER)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void anUnreadableFileIsABadRequestNotAStream() {
    importWithProgress("displayName\nNiemand\n", BEHEER)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anXlsxWorkbookReportsItsProgressToo() throws java.io.IOException {
    byte[] workbook;
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      var sheet = book.createSheet("personen");
      String[] header = {"username", "displayName", "position", "validFrom"};
      var first = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        first.createCell(c).setCellValue(header[c]);
      }
      for (int r = 1; r <= 600; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(String.format(Locale.ROOT, "xlsx-%05d", r));
        row.createCell(1).setCellValue("Xlsx " + r);
        row.createCell(2).setCellValue("medewerker-wi");
        row.createCell(3).setCellValue("2026-05-01");
      }
      book.write(out);
      workbook = out.toByteArray();
    }
    List<Map<String, Object>> lines =
        lines(
            web.post()
                .uri("/api/v1/org/import")
                .headers(h -> h.setBearerAuth(BEHEER))
                .contentType(
                    MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(workbook)
                .exchange());
    assertThat(progress(lines).get(progress(lines).size() - 1))
        .containsEntry("validated", 600)
        .containsEntry("written", 1_200);
    assertThat((Map<String, Object>) lines.get(lines.size() - 1).get("report"))
        .containsEntry("persons", 600)
        .containsEntry("assignments", 600);
  }
}
