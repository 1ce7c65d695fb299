package nl.mandaat.org.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import nl.mandaat.org.application.ListUnits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/org/units")
class UnitController {

  private final ListUnits listUnits;
  private final Clock clock;

  UnitController(ListUnits listUnits, Clock clock) {
    this.listUnits = listUnits;
    this.clock = clock;
  }

  /** The units in force on {@code at} (default: today in the municipality's time zone). */
  @GetMapping
  Flux<UnitResponse> units(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
    LocalDate date = at != null ? at : LocalDate.now(clock);
    return listUnits.inForceOn(date).map(UnitResponse::of);
  }
}
