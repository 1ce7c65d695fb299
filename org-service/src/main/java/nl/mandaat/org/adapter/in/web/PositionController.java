package nl.mandaat.org.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordPosition;
import nl.mandaat.org.application.RecordPosition.PositionDraft;
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
@RequestMapping("/api/v1/org/positions")
class PositionController {

  /**
   * A position as written; {@code singleHolder} defaults to true, {@code external} to false, and a
   * change names the {@code version} it was read at.
   */
  record PositionRequest(
      String code,
      String name,
      String unit,
      String reportsTo,
      Boolean singleHolder,
      Boolean external,
      LocalDate validFrom,
      LocalDate validTo,
      Long version) {}

  private final ReadOrganisation read;
  private final RecordPosition recordPosition;
  private final Clock clock;

  PositionController(ReadOrganisation read, RecordPosition recordPosition, Clock clock) {
    this.read = read;
    this.recordPosition = recordPosition;
    this.clock = clock;
  }

  /** The positions that exist on {@code at}. */
  @GetMapping
  Flux<PositionResponse> positions(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return read.positions(Dates.orToday(at, clock)).map(PositionResponse::of);
  }

  /** One position with its lifetime and version, whenever it exists. */
  @GetMapping("/{code}")
  Mono<PositionResponse> position(@PathVariable String code) {
    return read.position(code).map(PositionResponse::of).onErrorMap(Problems::translate);
  }

  /** Records a new position; a teammanager under a small afdeling carries a warning. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<PositionResponse> record(@RequestBody PositionRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> recordPosition.record(draft(request.code(), request), actor))
        .map(PositionResponse::of)
        .onErrorMap(Problems::translate);
  }

  /** Changes a position read at {@code version}; 409 {@code CONFLICT} when it changed since. */
  @PutMapping("/{code}")
  Mono<PositionResponse> change(
      @PathVariable String code, @RequestBody PositionRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor -> {
              if (request.version() == null) {
                return Mono.error(Problems.badRequest(List.of("version")));
              }
              return recordPosition.change(draft(code, request), request.version(), actor);
            })
        .map(PositionResponse::of)
        .onErrorMap(Problems::translate);
  }

  private static PositionDraft draft(String code, PositionRequest r) {
    List<String> missing = new ArrayList<>();
    if (code == null || code.isBlank()) {
      missing.add("code");
    }
    if (r.name() == null || r.name().isBlank()) {
      missing.add("name");
    }
    if (r.validFrom() == null) {
      missing.add("validFrom");
    }
    if (!missing.isEmpty()) {
      throw Problems.badRequest(missing);
    }
    return new PositionDraft(
        code,
        r.name(),
        r.unit(),
        r.reportsTo(),
        r.singleHolder() == null || r.singleHolder(),
        r.external() != null && r.external(),
        r.validFrom(),
        r.validTo());
  }
}
