package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.mandaat.core.Substitution;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordSubstitution;
import nl.mandaat.org.application.Recorded;
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
@RequestMapping("/api/v1/org/substitutions")
class SubstitutionController {

  /** Who stands in for a position, both days included; without an {@code id} one is made. */
  record SubstitutionRequest(
      String id, String substitute, String position, LocalDate validFrom, LocalDate validTo) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SubstitutionResponse(
      String id,
      String substitute,
      String position,
      LocalDate validFrom,
      LocalDate validTo,
      Instant recordedAt,
      Long revision) {
    static SubstitutionResponse of(Substitution a) {
      return of(a, null);
    }

    static SubstitutionResponse of(Recorded<Substitution> recorded) {
      return of(recorded.value(), recorded.revision());
    }

    private static SubstitutionResponse of(Substitution a, Long revision) {
      return new SubstitutionResponse(
          a.id(),
          a.substitute(),
          a.position(),
          a.window().from(),
          a.window().to(),
          a.recordedAt(),
          revision);
    }
  }

  private final ReadOrganisation read;
  private final RecordSubstitution recordSubstitution;
  private final Clock clock;

  SubstitutionController(
      ReadOrganisation read, RecordSubstitution recordSubstitution, Clock clock) {
    this.read = read;
    this.recordSubstitution = recordSubstitution;
    this.clock = clock;
  }

  /** The substitutions in force on {@code at}. */
  @GetMapping
  Flux<SubstitutionResponse> substitutions(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return read.substitutions(Dates.orToday(at, clock)).map(SubstitutionResponse::of);
  }

  @GetMapping("/{id}")
  Mono<SubstitutionResponse> substitution(@PathVariable String id) {
    return read.substitution(id).map(SubstitutionResponse::of).onErrorMap(Problems::translate);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<SubstitutionResponse> record(
      @RequestBody SubstitutionRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> recordSubstitution.record(toSubstitution(request), actor))
        .map(SubstitutionResponse::of)
        .onErrorMap(Problems::translate);
  }

  /** Ends a substitution on {@code validTo} (the last day it counts). */
  @PutMapping("/{id}/end")
  Mono<SubstitutionResponse> end(
      @PathVariable String id,
      @RequestBody AssignmentController.EndRequest request,
      ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor ->
                request.validTo() == null
                    ? Mono.error(Problems.badRequest(List.of("validTo")))
                    : recordSubstitution.end(id, request.validTo(), actor))
        .map(SubstitutionResponse::of)
        .onErrorMap(Problems::translate);
  }

  private Substitution toSubstitution(SubstitutionRequest r) {
    List<String> missing = new ArrayList<>();
    if (r.substitute() == null || r.substitute().isBlank()) {
      missing.add("substitute");
    }
    if (r.position() == null || r.position().isBlank()) {
      missing.add("position");
    }
    if (r.validFrom() == null) {
      missing.add("validFrom");
    }
    if (!missing.isEmpty()) {
      throw Problems.badRequest(missing);
    }
    String id = r.id() == null || r.id().isBlank() ? "S-" + UUID.randomUUID() : r.id();
    return new Substitution(
        id, r.substitute(), r.position(), Window.of(r.validFrom(), r.validTo()), clock.instant());
  }
}
