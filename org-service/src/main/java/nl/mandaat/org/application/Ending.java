package nl.mandaat.org.application;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Window;
import nl.mandaat.org.domain.OrganisationRules;
import reactor.core.publisher.Mono;

/**
 * Ends an effective-dated record (an assignment, a substitution) on a new last day: the day is
 * checked against the record's first, then the record and its event are stored in one write.
 */
final class Ending {

  private Ending() {}

  /**
   * @param record the record, empty when there is none
   * @param unknown the error for a missing record
   * @param window the record's window
   * @param withWindow the record with another window
   * @param store stores the new last day
   * @param eventType the event that publishes it, with payload {@code id, validTo}
   */
  static <T> Mono<Recorded<T>> end(
      Organisation org,
      String id,
      LocalDate validTo,
      String actor,
      Mono<T> record,
      Supplier<NotFound> unknown,
      Function<T, Window> window,
      BiFunction<T, Window, T> withWindow,
      Function<LocalDate, Mono<Void>> store,
      String eventType) {
    return org.write(
        record
            .switchIfEmpty(Mono.error(unknown))
            .flatMap(
                current -> {
                  LocalDate from = window.apply(current).from();
                  Verdict verdict = OrganisationRules.windowIsValid(from, validTo);
                  if (!verdict.isAccepted()) {
                    return Mono.error(new RejectedChange(verdict));
                  }
                  T ended = withWindow.apply(current, Window.of(from, validTo));
                  return store
                      .apply(validTo)
                      .then(org.events().append(eventType, actor, Payloads.ended(id, validTo)))
                      .map(revision -> new Recorded<>(ended, revision, List.of()));
                }));
  }
}
