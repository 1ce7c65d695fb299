package nl.mandaat.org.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.mandaat.core.OrgUnit.Kind;
import nl.mandaat.org.application.ListUnits;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordUnit;
import nl.mandaat.org.domain.UnitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/org/units")
class UnitController {

  /** A unit's new window; {@code kind} as the API has it or as the charter names it. */
  record UnitRequest(
      String code,
      String name,
      String parent,
      String kind,
      Integer headcount,
      LocalDate validFrom,
      LocalDate validTo,
      Long version) {}

  private final ListUnits listUnits;
  private final ReadOrganisation read;
  private final RecordUnit recordUnit;
  private final Clock clock;

  UnitController(ListUnits listUnits, ReadOrganisation read, RecordUnit recordUnit, Clock clock) {
    this.listUnits = listUnits;
    this.read = read;
    this.recordUnit = recordUnit;
    this.clock = clock;
  }

  /** The units in force on {@code at} (default: today in the municipality's time zone). */
  @GetMapping
  Flux<UnitResponse> units(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return listUnits.inForceOn(Dates.orToday(at, clock)).map(UnitResponse::of);
  }

  /**
   * The window of unit {@code code} in force on {@code at}, with the unit's version; 404 when none
   * is.
   */
  @GetMapping("/{code}")
  Mono<UnitResponse> unit(
      @PathVariable String code,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return read.unit(code, Dates.orToday(at, clock))
        .zipWith(read.unitVersion(code), UnitResponse::of)
        .onErrorMap(Problems::translate);
  }

  /** Records a unit, or a new window of one from {@code validFrom}. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<UnitResponse> record(@RequestBody UnitRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> recordUnit.record(toNewUnit(request), actor))
        .map(UnitResponse::of)
        .onErrorMap(Problems::translate);
  }

  /**
   * Changes unit {@code code} read at {@code version}, from {@code validFrom} on: a later {@code
   * validFrom} adds a window, the start of the latest window rewrites that window (e.g. closing it
   * with {@code validTo}); 404 for an unknown unit, 409 {@code CONFLICT} when it changed since.
   */
  @PutMapping("/{code}")
  Mono<UnitResponse> change(
      @PathVariable String code, @RequestBody UnitRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor -> {
              if (request.version() == null) {
                return Mono.error(Problems.badRequest(List.of("version")));
              }
              return recordUnit.change(toNewUnit(code, request), request.version(), actor);
            })
        .map(UnitResponse::ofChange)
        .onErrorMap(Problems::translate);
  }

  private static RecordUnit.NewUnit toNewUnit(UnitRequest r) {
    return toNewUnit(r.code(), r);
  }

  private static RecordUnit.NewUnit toNewUnit(String code, UnitRequest r) {
    List<String> missing = new ArrayList<>();
    if (code == null || code.isBlank()) {
      missing.add("code");
    }
    if (r.name() == null || r.name().isBlank()) {
      missing.add("name");
    }
    if (r.kind() == null) {
      missing.add("kind");
    }
    if (r.validFrom() == null) {
      missing.add("validFrom");
    }
    if (!missing.isEmpty()) {
      throw Problems.badRequest(missing);
    }
    if (r.headcount() != null && r.headcount() < 0) {
      throw Problems.badRequest("headcount cannot be negative.");
    }
    return new RecordUnit.NewUnit(
        code,
        r.name(),
        r.parent(),
        kind(r.kind()),
        r.headcount() == null ? 0 : r.headcount(),
        r.validFrom(),
        r.validTo());
  }

  private static UnitKind kind(String kind) {
    for (UnitKind k : UnitKind.values()) {
      if (k.name().equals(kind)) {
        return k;
      }
    }
    for (Kind k : Kind.values()) {
      if (k.name().equals(kind)) {
        return UnitKind.of(k);
      }
    }
    throw Problems.badRequest("Unknown kind " + kind + ".");
  }
}
