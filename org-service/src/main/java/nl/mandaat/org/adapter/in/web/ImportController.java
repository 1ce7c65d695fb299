package nl.mandaat.org.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mandaat.org.application.ImportOrganisation;
import nl.mandaat.org.application.ImportOrganisation.Row;
import nl.mandaat.org.application.ImportOrganisation.RowProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Imports persons and assignments from CSV ({@code text/csv}, UTF-8, comma or semicolon separated,
 * header {@code username,displayName,sub,position,validFrom,validTo}): all or nothing; a refusal is
 * a 422 {@code IMPORT_REJECTED} listing every problem of every bad row.
 */
@RestController
@RequestMapping("/api/v1/org/import")
class ImportController {

  static final List<String> COLUMNS =
      List.of("username", "displayName", "sub", "position", "validFrom", "validTo");

  record ImportResponse(int rows, int persons, int assignments, long revision) {}

  private final ImportOrganisation importOrganisation;

  ImportController(ImportOrganisation importOrganisation) {
    this.importOrganisation = importOrganisation;
  }

  @PostMapping(consumes = {"text/csv", "text/plain"})
  Mono<ImportResponse> importCsv(@RequestBody String csv, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> importOrganisation.importRows(parse(csv), actor))
        .map(r -> new ImportResponse(r.rows(), r.persons(), r.assignments(), r.revision()))
        .onErrorMap(ImportOrganisation.Rejected.class, ImportController::rejected)
        .onErrorMap(Problems::translate);
  }

  static List<Row> parse(String csv) {
    String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw Problems.badRequest(
          "The file is empty; the first line names the columns " + COLUMNS + ".");
    }
    String separator = lines[0].contains(";") ? ";" : ",";
    List<String> header = new ArrayList<>();
    for (String name : lines[0].split(separator, -1)) {
      header.add(name.strip());
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      int at = -1;
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
          at = i;
        }
      }
      index.put(column, at);
    }
    if (index.get("username") < 0) {
      throw Problems.badRequest("The header has no username column.");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split(separator, -1);
      rows.add(
          new Row(
              i + 1,
              cell(cells, index.get("username")),
              cell(cells, index.get("displayName")),
              cell(cells, index.get("sub")),
              cell(cells, index.get("position")),
              cell(cells, index.get("validFrom")),
              cell(cells, index.get("validTo"))));
    }
    return rows;
  }

  private static String cell(String[] cells, int index) {
    if (index < 0 || index >= cells.length) {
      return null;
    }
    String value = cells[index].strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
    }
    return value;
  }

  private static ErrorResponseException rejected(ImportOrganisation.Rejected rejected) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RowProblem problem : rejected.problems()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("line", problem.line());
      p.put("code", problem.code());
      if (problem.field() != null) {
        p.put("field", problem.field());
      }
      p.put("message", problem.message());
      rows.add(p);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            rejected.problems().size() + " problem(s) in the file; nothing was imported.");
    problem.setProperty("code", "IMPORT_REJECTED");
    problem.setProperty("rows", rows);
    return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
  }
}
