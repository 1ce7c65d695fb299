package nl.mandaat.mandate.adapter.in.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.core.DecisionType;
import nl.mandaat.core.Grant;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.mandate.application.LiveRegister;
import nl.mandaat.mandate.domain.ExpiryNotice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register in force on a date as CSV, JSON or the public HTML mandaatregister. */
@RestController
@RequestMapping("/api/v1/register")
class ExportController {

  static final String CSV_HEADER =
      "id,kind,parentGrantId,grantor,holder,decisionTypes,orgUnits,ceiling,validFrom,validTo,"
          + "subMandateAllowed,grantDecisionRef,conditions,instructions";

  private final LiveRegister register;
  private final Clock clock;

  ExportController(LiveRegister register, Clock clock) {
    this.register = register;
    this.clock = clock;
  }

  @GetMapping("/export")
  ResponseEntity<?> export(
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String at) {
    Register current = register.current();
    Instant moment = Callers.moment(at, clock, current.zone());
    List<Grant> grants = current.grantsInForce(moment);
    String date = current.dateAt(moment).toString();
    return switch (format) {
      case "csv" ->
          ResponseEntity.ok()
              .header(
                  HttpHeaders.CONTENT_DISPOSITION,
                  "attachment; filename=\"mandaatregister-" + date + ".csv\"")
              .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
              .body(csv(grants));
      case "json" ->
          ResponseEntity.ok()
              .contentType(MediaType.APPLICATION_JSON)
              .body(grants.stream().map(g -> GrantView.of(current, g, moment)).toList());
      case "html" ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
              .body(html(current, grants, date));
      default ->
          throw Callers.problem(
              HttpStatus.BAD_REQUEST, "UNKNOWN_FORMAT", "format is csv, json or html.");
    };
  }

  /** Grants in force that end within 60 days (and within 14), per grantor. */
  @GetMapping("/expiry-notices")
  Map<String, List<ExpiryNotice>> expiryNotices(@RequestParam(required = false) String at) {
    Register current = register.current();
    return ExpiryNotice.byGrantor(current, Callers.moment(at, clock, current.zone()));
  }

  static String csv(List<Grant> grants) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (Grant g : grants) {
      out.append(
              String.join(
                  ",",
                  cell(g.id()),
                  cell(g.kind().name()),
                  cell(g.parentGrantId()),
                  cell(g.grantor()),
                  cell(g.holder()),
                  cell(String.join(";", g.decisionTypes())),
                  cell(String.join(";", g.orgUnits())),
                  cell(amount(g.ceiling())),
                  cell(g.window().from().toString()),
                  cell(date(g.window().to())),
                  cell(Boolean.toString(g.subMandateAllowed())),
                  cell(g.grantDecisionRef()),
                  cell(String.join("; ", g.conditions())),
                  cell(String.join("; ", g.instructions()))))
          .append("\r\n");
    }
    return out.toString();
  }

  // RFC 4180: quote when needed, double the quotes.
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** The public register (Awb 3:42): who may decide what on behalf of whom; no internal ids. */
  static String html(Register register, List<Grant> grants, String date) {
    StringBuilder out =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">")
            .append("<title>Mandaatregister ")
            .append(date)
            .append("</title></head><body>\n<h1>Mandaatregister per ")
            .append(date)
            .append("</h1>\n<table>\n<thead><tr><th>Soort</th><th>Verlener</th><th>Houder</th>")
            .append("<th>Besluittypen</th><th>Plafond</th><th>Geldig van</th><th>Geldig tot</th>")
            .append("<th>Ondermandaat</th><th>Besluit</th><th>Voorwaarden en instructies</th>")
            .append("</tr></thead>\n<tbody>\n");
    for (Grant g : grants) {
      out.append("<tr><td>")
          .append(escape(g.kind().name()))
          .append("</td><td>")
          .append(escape(name(register, g.grantor())))
          .append("</td><td>")
          .append(escape(name(register, g.holder())))
          .append("</td><td>")
          .append(
              escape(
                  String.join(
                      ", ",
                      g.decisionTypes().stream()
                          .map(
                              code -> {
                                DecisionType t = register.decisionTypes().get(code);
                                return t == null ? code : t.omschrijving();
                              })
                          .toList())))
          .append("</td><td>")
          .append(escape(amount(g.ceiling())))
          .append("</td><td>")
          .append(g.window().from())
          .append("</td><td>")
          .append(escape(date(g.window().to())))
          .append("</td><td>")
          .append(g.subMandateAllowed() ? "ja" : "nee")
          .append("</td><td>")
          .append(escape(g.grantDecisionRef()))
          .append("</td><td>")
          .append(
              escape(
                  String.join(
                      "; ",
                      java.util.stream.Stream.concat(
                              g.conditions().stream(), g.instructions().stream())
                          .toList())))
          .append("</td></tr>\n");
    }
    return out.append("</tbody>\n</table>\n</body></html>\n").toString();
  }

  private static String name(Register register, String code) {
    AdministrativeBody body = register.bodies().get(code);
    if (body != null) {
      return body.name();
    }
    Position position = register.positions().get(code);
    return position != null ? position.name() : code;
  }

  private static String amount(BigDecimal amount) {
    return amount == null ? "" : amount.toPlainString();
  }

  private static String date(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
