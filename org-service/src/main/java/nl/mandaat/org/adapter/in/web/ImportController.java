package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mandaat.org.application.ImportOrganisation;
import nl.mandaat.org.application.ImportOrganisation.Row;
import nl.mandaat.org.application.ImportOrganisation.RowProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports the organisation from CSV ({@code text/csv}, UTF-8, comma or semicolon separated, the
 * first row naming the columns): persons and assignments ({@code
 * username,displayName,sub,position,validFrom,validTo}), and with a {@code record} column also
 * units ({@code record=unit}: {@code code,name,parent,kind,headcount,validFrom,validTo}) and
 * positions ({@code record=position}: {@code
 * code,name,unit,reportsTo,singleHolder,external,validFrom,validTo}). All or nothing; a refusal is
 * a 422 {@code IMPORT_REJECTED} listing every problem of every bad row. The same columns on the
 * first sheet of an XLSX workbook work too.
 *
 * <p>A caller that sends {@code Accept: application/x-ndjson} gets the import's progress as it
 * runs, one JSON object a line: {@code {"progress": {...}}} lines, then one closing line, {@code
 * {"report": ...}} with the JSON answer or {@code {"problem": ...}} with the problem document. Once
 * the first line is out the status is 200: the closing line says how the import ended. A request
 * refused before (403, 400) is answered as without progress.
 */
@RestController
@RequestMapping("/api/v1/org/import")
class ImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> COLUMNS =
      List.of(
          "record",
          "code",
          "name",
          "parent",
          "kind",
          "headcount",
          "unit",
          "reportsTo",
          "singleHolder",
          "external",
          "username",
          "displayName",
          "sub",
          "position",
          "validFrom",
          "validTo");

  /** A guideline a stored row does not follow, e.g. {@code SMALL_AFDELING}. */
  record ImportWarning(int line, String code, String message) {}

  record ImportResponse(
      int rows,
      int units,
      int positions,
      int persons,
      int assignments,
      long revision,
      List<ImportWarning> warnings) {

    static ImportResponse of(ImportOrganisation.Report r) {
      return new ImportResponse(
          r.rows(),
          r.units(),
          r.positions(),
          r.persons(),
          r.assignments(),
          r.revision(),
          r.warnings().stream()
              .map(w -> new ImportWarning(w.line(), w.code(), w.message()))
              .toList());
    }
  }

  /**
   * How far the import has come; {@code phase} is {@code read}, {@code validate}, {@code write} or
   * {@code commit}.
   */
  record ProgressResponse(String phase, int rows, int validated, int records, int written) {

    static ProgressResponse of(ImportOrganisation.Progress p) {
      return new ProgressResponse(
          p.phase().name().toLowerCase(Locale.ROOT),
          p.rows(),
          p.validated(),
          p.records(),
          p.written());
    }
  }

  /** One line of the progress stream: exactly one member is present. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImportLine(
      ProgressResponse progress, ImportResponse report, Map<String, Object> problem) {}

  private static final Logger log = LoggerFactory.getLogger(ImportController.class);

  private final ImportOrganisation importOrganisation;

  ImportController(ImportOrganisation importOrganisation) {
    this.importOrganisation = importOrganisation;
  }

  @PostMapping(consumes = {"text/csv", "text/plain"})
  Mono<ImportResponse> importCsv(@RequestBody String csv, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> importOrganisation.importRows(parse(csv), actor))
        .map(ImportResponse::of)
        .onErrorMap(ImportOrganisation.Rejected.class, ImportController::rejected)
        .onErrorMap(Problems::translate);
  }

  /** The CSV import with its progress as it runs (newline-delimited JSON). */
  @PostMapping(
      consumes = {"text/csv", "text/plain"},
      produces = MediaType.APPLICATION_NDJSON_VALUE)
  Flux<ImportLine> importCsvWithProgress(@RequestBody String csv, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMapMany(actor -> withProgress(parse(csv), actor, exchange));
  }

  /** Imports from the first sheet of an XLSX workbook, laid out as the CSV. */
  @PostMapping(consumes = XLSX)
  Mono<ImportResponse> importXlsx(@RequestBody byte[] workbook, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor -> readXlsx(workbook).flatMap(rows -> importOrganisation.importRows(rows, actor)))
        .map(ImportResponse::of)
        .onErrorMap(ImportOrganisation.Rejected.class, ImportController::rejected)
        .onErrorMap(Problems::translate);
  }

  /** The XLSX import with its progress as it runs (newline-delimited JSON). */
  @PostMapping(consumes = XLSX, produces = MediaType.APPLICATION_NDJSON_VALUE)
  Flux<ImportLine> importXlsxWithProgress(
      @RequestBody byte[] workbook, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMapMany(
            actor -> readXlsx(workbook).flatMapMany(rows -> withProgress(rows, actor, exchange)));
  }

  private static Mono<List<Row>> readXlsx(byte[] workbook) {
    return Mono.fromCallable(() -> rows(Spreadsheets.firstSheet(workbook)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The import's progress lines, then its report or its problem as the last line. Called once the
   * caller is authorised and the file read, so a refusal there keeps its status (no line is out
   * yet). A caller that goes away cancels the import, which then stores nothing.
   */
  private Flux<ImportLine> withProgress(List<Row> rows, String actor, ServerWebExchange exchange) {
    Flux<ImportLine> lines =
        Flux.create(
            sink -> {
              Disposable work =
                  importOrganisation
                      .importRows(
                          rows,
                          actor,
                          progress ->
                              sink.next(new ImportLine(ProgressResponse.of(progress), null, null)))
                      .contextWrite(sink.contextView())
                      .subscribe(
                          report -> {
                            sink.next(new ImportLine(null, ImportResponse.of(report), null));
                            sink.complete();
                          },
                          sink::error);
              sink.onDispose(work);
            });
    return lines.onErrorResume(failure -> Flux.just(problemLine(failure, exchange)));
  }

  /** The problem document a refusal without progress would have had as its body. */
  private static ImportLine problemLine(Throwable failure, ServerWebExchange exchange) {
    Throwable translated =
        failure instanceof ImportOrganisation.Rejected rejected
            ? rejected(rejected)
            : Problems.translate(failure);
    ProblemDetail body;
    if (translated instanceof ErrorResponse error) {
      body = error.getBody();
    } else {
      log.error("Import with progress failed", failure);
      body =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.INTERNAL_SERVER_ERROR, "The import could not be completed.");
      body.setProperty("code", "INTERNAL_ERROR");
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    if (body.getType() != null) {
      problem.put("type", body.getType().toString());
    }
    if (body.getTitle() != null) {
      problem.put("title", body.getTitle());
    }
    problem.put("status", body.getStatus());
    if (body.getDetail() != null) {
      problem.put("detail", body.getDetail());
    }
    problem.put("instance", exchange.getRequest().getPath().value());
    if (body.getProperties() != null) {
      body.getProperties().forEach(problem::putIfAbsent);
    }
    return new ImportLine(null, null, problem);
  }

  static List<Row> parse(String csv) {
    String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
    String separator = lines.length > 0 && lines[0].contains(";") ? ";" : ",";
    List<List<String>> table = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>();
      if (!line.isBlank()) {
        for (String cell : line.split(separator, -1)) {
          cells.add(unquote(cell.strip()));
        }
      }
      table.add(cells);
    }
    return rows(table);
  }

  /** Rows from a table whose first row names the columns; blank rows are skipped. */
  static List<Row> rows(List<List<String>> table) {
    if (table.isEmpty() || table.get(0).isEmpty()) {
      throw Problems.badRequest(
          "The file is empty; the first row names the columns " + COLUMNS + ".");
    }
    List<String> header = new ArrayList<>();
    for (String name : table.get(0)) {
      header.add(name == null ? "" : name.strip());
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
    if (index.get("username") < 0 && index.get("record") < 0) {
      throw Problems.badRequest("The header has neither a username nor a record column.");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
        continue;
      }
      rows.add(
          new Row(
              i + 1,
              cell(cells, index.get("record")),
              cell(cells, index.get("code")),
              cell(cells, index.get("name")),
              cell(cells, index.get("parent")),
              cell(cells, index.get("kind")),
              cell(cells, index.get("headcount")),
              cell(cells, index.get("unit")),
              cell(cells, index.get("reportsTo")),
              cell(cells, index.get("singleHolder")),
              cell(cells, index.get("external")),
              cell(cells, index.get("username")),
              cell(cells, index.get("displayName")),
              cell(cells, index.get("sub")),
              cell(cells, index.get("position")),
              cell(cells, index.get("validFrom")),
              cell(cells, index.get("validTo"))));
    }
    return rows;
  }

  private static String cell(List<String> cells, int index) {
    if (index < 0 || index >= cells.size()) {
      return null;
    }
    return cells.get(index);
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\"\"", "\"");
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
