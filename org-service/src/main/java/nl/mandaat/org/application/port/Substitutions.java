package nl.mandaat.org.application.port;

import java.time.LocalDate;
import nl.mandaat.core.Substitution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Substitutions: who stands in for which position, from when to when. */
public interface Substitutions {

  /** The substitutions in force on {@code date}, by position and substitute. */
  Flux<Substitution> inForceOn(LocalDate date);

  /** Every substitution, by id. */
  Flux<Substitution> all();

  /** The substitution with {@code id}, or empty. */
  Mono<Substitution> byId(String id);

  /** Every substitution for {@code position}. */
  Flux<Substitution> ofPosition(String position);

  /** Stores a new substitution. */
  Mono<Void> insert(Substitution substitution);

  /** Sets the last day of substitution {@code id}. */
  Mono<Void> end(String id, LocalDate validTo);
}
