package nl.mandaat.org.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The whole organisation as payload arrays, consistent at one sequence: a new consumer starts there
 * and follows the events after it (docs/events.md).
 */
public final class TakeSnapshot {

  private final Organisation org;

  public TakeSnapshot(Organisation org) {
    this.org = org;
  }

  public Mono<Map<String, Object>> current() {
    return org.transactions()
        .consistentRead(
            Mono.zip(
                    List.of(
                        org.events().head(),
                        org.bodies().all().map(Payloads::of).collectList(),
                        org.units().all().map(Payloads::of).collectList(),
                        org.positions().all().map(p -> Payloads.of(p.position())).collectList(),
                        org.persons().all().map(Payloads::of).collectList(),
                        org.assignments().all().map(Payloads::of).collectList(),
                        org.substitutions().all().map(Payloads::of).collectList()),
                    parts -> parts)
                .map(
                    parts -> {
                      Map<String, Object> snapshot = new LinkedHashMap<>();
                      snapshot.put("sequence", parts[0]);
                      snapshot.put("bodies", parts[1]);
                      snapshot.put("units", parts[2]);
                      snapshot.put("positions", parts[3]);
                      snapshot.put("persons", parts[4]);
                      snapshot.put("assignments", parts[5]);
                      snapshot.put("substitutions", parts[6]);
                      return snapshot;
                    }));
  }
}
