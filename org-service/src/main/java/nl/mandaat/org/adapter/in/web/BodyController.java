package nl.mandaat.org.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import nl.mandaat.core.AdministrativeBody;
import nl.mandaat.org.application.ReadOrganisation;
import nl.mandaat.org.application.RecordBody;
import nl.mandaat.org.application.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/org/bodies")
class BodyController {

  record BodyRequest(String code, String name, String fullName) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BodyResponse(String code, String name, String fullName, Long revision) {
    static BodyResponse of(AdministrativeBody b) {
      return new BodyResponse(b.code(), b.name(), b.fullName(), null);
    }

    static BodyResponse of(Recorded<AdministrativeBody> recorded) {
      AdministrativeBody b = recorded.value();
      return new BodyResponse(b.code(), b.name(), b.fullName(), recorded.revision());
    }
  }

  private final ReadOrganisation read;
  private final RecordBody recordBody;

  BodyController(ReadOrganisation read, RecordBody recordBody) {
    this.read = read;
    this.recordBody = recordBody;
  }

  /** The administrative bodies (raad, college, burgemeester); bodies are not dated. */
  @GetMapping
  Flux<BodyResponse> bodies() {
    return read.bodies().map(BodyResponse::of);
  }

  @GetMapping("/{code}")
  Mono<BodyResponse> body(@PathVariable String code) {
    return read.body(code).map(BodyResponse::of).onErrorMap(Problems::translate);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<BodyResponse> record(@RequestBody BodyRequest request, ServerWebExchange exchange) {
    return Access.administrator(exchange)
        .flatMap(
            actor -> {
              List<String> missing = new ArrayList<>();
              if (request.code() == null || request.code().isBlank()) {
                missing.add("code");
              }
              if (request.name() == null || request.name().isBlank()) {
                missing.add("name");
              }
              if (request.fullName() == null || request.fullName().isBlank()) {
                missing.add("fullName");
              }
              if (!missing.isEmpty()) {
                return Mono.error(Problems.badRequest(missing));
              }
              return recordBody.record(
                  AdministrativeBody.of(request.code(), request.name(), request.fullName()), actor);
            })
        .map(BodyResponse::of)
        .onErrorMap(Problems::translate);
  }
}
