package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordAssignment;
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
@RequestMapping("/api/v1/org/assignments")
class AssignmentController {

  /** A new assignment; without an {@code id} one is made. */
  record AssignmentRequest(
      String id, String person, String position, LocalDate validFrom, LocalDate validTo) {}

  record EndRequest(LocalDate validTo) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AssignmentResponse(
      String id,
      String person,
      String position,
      LocalDate validFrom,
      LocalDate validTo,
      Instant recordedAt,
      Long revision) {
    static AssignmentResponse of(Assignment a) {
      return of(a, null);
    }

    static AssignmentResponse of(Recorded<Assignment> recorded) {
      return of(recorded.value(), recorded.revision());
    }

    private static AssignmentResponse of(Assignment a, Long revision) {
      return new AssignmentResponse(
          a.id(),
          a.person(),
          a.position(),
          a.window().from(),
          a.window().to(),
          a.recordedAt(),
          revision);
    }
  }

  private final ReadOrganisation read;
  private final RecordAssignment recordAssignment;
  private final Clock clock;

  AssignmentController(ReadOrganisation read, RecordAssignment recordAssignment, Clock clock) {
    this.read = read;
    this.recordAssignment = recordAssignment;
    this.clock = clock;
  }

  /** The assignments in force on {@code at}. */
  @GetMapping
  Flux<AssignmentResponse> assignments(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return read.assignments(Dates.orToday(at, clock)).map(AssignmentResponse::of);
  }

  @GetMapping("/{id}")
  Mono<AssignmentResponse> assignment(@PathVariable String id) {
    return read.assignment(id).map(AssignmentResponse::of).onErrorMap(Problems::translate);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<AssignmentResponse> record(
      @RequestBody AssignmentRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(actor -> recordAssignment.record(toAssignment(request), actor))
        .map(AssignmentResponse::of)
        .onErrorMap(Problems::translate);
  }

  /** Ends an assignment on {@code validTo} (the last day it counts). */
  @PutMapping("/{id}/end")
  Mono<AssignmentResponse> end(
      @PathVariable String id, @RequestBody EndRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor ->
                request.validTo() == null
                    ? Mono.error(Problems.badRequest(List.of("validTo")))
                    : recordAssignment.end(id, request.validTo(), actor))
        .map(AssignmentResponse::of)
        .onErrorMap(Problems::translate);
  }

  private Assignment toAssignment(AssignmentRequest r) {
    List<String> missing = new ArrayList<>();
    if (r.person() == null || r.person().isBlank()) {
      missing.add("person");
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
    String id = r.id() == null || r.id().isBlank() ? "A-" + UUID.randomUUID() : r.id();
    return new Assignment(
        id, r.person(), r.position(), Window.of(r.validFrom(), r.validTo()), clock.instant());
  }
}
