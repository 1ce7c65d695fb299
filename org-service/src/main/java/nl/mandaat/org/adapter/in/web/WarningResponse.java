package nl.mandaat.org.adapter.in.web;

import java.util.List;
import nl.mandaat.org.domain.Warning;

/** A guideline the stored change does not follow. */
record WarningResponse(String code, String message) {

  static List<WarningResponse> of(List<Warning> warnings) {
    return warnings.stream().map(w -> new WarningResponse(w.code(), w.message())).toList();
  }
}
