package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import nl.mandaat.core.Person;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordPerson;
import nl.mandaat.org.application.Recorded;
import nl.mandaat.org.domain.HeldPosition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/org/persons")
class PersonController {

  record PersonRequest(String username, String sub, String displayName) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PersonResponse(String username, String sub, String displayName, Long revision) {
    static PersonResponse of(Person p) {
      return new PersonResponse(p.username(), p.sub(), p.displayName(), null);
    }

    static PersonResponse of(Recorded<Person> recorded) {
      Person p = recorded.value();
      return new PersonResponse(p.username(), p.sub(), p.displayName(), recorded.revision());
    }
  }

  /** A position held on the date asked, and through what (assignment or substitution). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HeldPositionResponse(
      String position,
      String name,
      String unit,
      String reportsTo,
      String via,
      String id,
      LocalDate validFrom,
      LocalDate validTo) {
    static HeldPositionResponse of(HeldPosition held) {
      return new HeldPositionResponse(
          held.position().code(),
          held.position().name(),
          held.position().unitCode(),
          held.position().reportsTo(),
          held.via().name(),
          held.recordId(),
          held.window().from(),
          held.window().to());
    }
  }

  private final ReadOrganisation read;
  private final RecordPerson recordPerson;
  private final Clock clock;

  PersonController(ReadOrganisation read, RecordPerson recordPerson, Clock clock) {
    this.read = read;
    this.recordPerson = recordPerson;
    this.clock = clock;
  }

  /** Every person (persons are not dated; what they hold is). */
  @GetMapping
  Flux<PersonResponse> persons(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    return read.persons().map(PersonResponse::of);
  }

  @GetMapping("/{username}")
  Mono<PersonResponse> person(@PathVariable String username) {
    return read.person(username).map(PersonResponse::of).onErrorMap(Problems::translate);
  }

  /**
   * The positions {@code username} holds on {@code at}, by assignment or substitution; with {@code
   * minRevision} (a revision a write answered with, possibly on another instance) the answer
   * reflects at least that revision.
   */
  @GetMapping("/{username}/positions")
  Flux<HeldPositionResponse> positions(
      @PathVariable String username,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
      @RequestParam(defaultValue = "0") long minRevision) {
    return read.positionsHeld(username, Dates.orToday(at, clock), minRevision)
        .map(HeldPositionResponse::of)
        .onErrorMap(Problems::translate);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<PersonResponse> record(@RequestBody PersonRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor -> {
              if (request.username() == null || request.username().isBlank()) {
                return Mono.error(Problems.badRequest(java.util.List.of("username")));
              }
              return recordPerson.record(
                  new Person(request.username(), request.sub(), request.displayName()), actor);
            })
        .map(PersonResponse::of)
        .onErrorMap(Problems::translate);
  }
}
