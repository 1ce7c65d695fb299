package nl.mandaat.org.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Violation;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Mono;

/**
 * Imports persons and their assignments from rows (CSV or spreadsheet): all of it or nothing, with
 * every bad row reported. A row names a person and, optionally, the position they hold from a date.
 */
public final class ImportOrganisation {

  /**
   * One row as read, before any parsing; absent cells are null.
   *
   * @param line the row's number in the file (the header is line 1)
   */
  public record Row(
      int line,
      String username,
      String displayName,
      String sub,
      String position,
      String validFrom,
      String validTo) {}

  /** A rule one row breaks. */
  public record RowProblem(int line, String code, String field, String message) {}

  /** The import was refused; nothing of it is stored. */
  public static final class Rejected extends RuntimeException {
    private final transient List<RowProblem> problems;

    public Rejected(List<RowProblem> problems) {
      super("Import rejected: " + problems.size() + " problem(s)", null, false, false);
      this.problems = List.copyOf(problems);
    }

    /** Every problem of every bad row, in file order. */
    public List<RowProblem> problems() {
      return problems;
    }
  }

  /** What an accepted import stored. */
  public record Report(int rows, int persons, int assignments, long revision) {}

  private final Organisation org;

  public ImportOrganisation(Organisation org) {
    this.org = Objects.requireNonNull(org, "org");
  }

  public Mono<Report> importRows(List<Row> rows, String actor) {
    return org.write(
        Mono.zip(
                org.persons().all().map(Person::username).collect(Collectors.toSet()),
                org.positions()
                    .all()
                    .map(VersionedPosition::position)
                    .collectMap(Position::code, Function.identity()),
                org.assignments().all().collectList())
            .flatMap(
                t -> {
                  Plan plan = plan(rows, t.getT1(), t.getT2(), t.getT3(), actor);
                  if (!plan.problems.isEmpty()) {
                    return Mono.error(new Rejected(plan.problems));
                  }
                  return store(plan, actor)
                      .map(
                          revision ->
                              new Report(
                                  rows.size(),
                                  plan.persons.size(),
                                  plan.assignments.size(),
                                  revision));
                }));
  }

  private record Plan(
      List<Person> persons, List<Assignment> assignments, List<RowProblem> problems) {}

  private Plan plan(
      List<Row> rows,
      Set<String> knownPersons,
      Map<String, Position> positions,
      List<Assignment> existing,
      String actor) {
    Instant now = org.clock().instant();
    List<Person> persons = new ArrayList<>();
    List<Assignment> assignments = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // Every holder per position (for single-holder positions), and each person's own per position:
    // looking through all holders of a position for every row made a large import quadratic.
    Map<String, List<Assignment>> byPosition = new HashMap<>();
    Map<String, List<Assignment>> byHolding = new HashMap<>();
    for (Assignment a : existing) {
      byPosition.computeIfAbsent(a.position(), p -> new ArrayList<>()).add(a);
      byHolding.computeIfAbsent(holding(a.person(), a.position()), k -> new ArrayList<>()).add(a);
    }
    for (Row row : rows) {
      int before = problems.size();
      String username = trim(row.username());
      if (username == null) {
        problems.add(new RowProblem(row.line(), "REQUIRED", "username", "username is required."));
        continue;
      }
      if (!seen.add(username)) {
        problems.add(
            new RowProblem(
                row.line(),
                Violation.DUPLICATE_ID,
                "username",
                username + " appears more than once in the file."));
        continue;
      }
      Person person = new Person(username, trim(row.sub()), trim(row.displayName()));
      boolean isNew = !knownPersons.contains(username);
      String position = trim(row.position());
      if (position == null) {
        if (isNew) {
          persons.add(person);
        }
        continue;
      }
      LocalDate from = date(row, row.validFrom(), "validFrom", true, problems);
      LocalDate to = date(row, row.validTo(), "validTo", false, problems);
      if (problems.size() > before) {
        continue;
      }
      Assignment assignment =
          new Assignment(
              "A-" + username + "-" + position + "-" + from,
              username,
              position,
              Window.of(from, to),
              now);
      Register.Builder part = Register.builder().person(person);
      Position p = positions.get(position);
      if (p != null) {
        part.position(p);
      }
      // Only these can overlap: every holder of a single-holder position, else the person's own.
      List<Assignment> overlapping =
          p == null || p.singleHolder()
              ? byPosition.getOrDefault(position, List.of())
              : byHolding.getOrDefault(holding(username, position), List.of());
      overlapping.forEach(part::assignment);
      for (Violation v :
          Validator.validate(
                  part.build(),
                  new RegisterChange.NewAssignment(assignment, Actor.administrator(actor)))
              .violations()) {
        problems.add(new RowProblem(row.line(), v.code(), v.field(), v.messageEn()));
      }
      if (problems.size() == before) {
        if (isNew) {
          persons.add(person);
        }
        assignments.add(assignment);
        byPosition.computeIfAbsent(position, k -> new ArrayList<>()).add(assignment);
        byHolding
            .computeIfAbsent(holding(username, position), k -> new ArrayList<>())
            .add(assignment);
      }
    }
    return new Plan(persons, assignments, problems);
  }

  private Mono<Long> store(Plan plan, String actor) {
    List<Events.NewEvent> events = new ArrayList<>();
    plan.persons.forEach(
        p -> events.add(new Events.NewEvent(Payloads.PERSON_RECORDED, Payloads.of(p))));
    plan.assignments.forEach(
        a -> events.add(new Events.NewEvent(Payloads.ASSIGNMENT_RECORDED, Payloads.of(a))));
    return org.persons()
        .insertAll(plan.persons)
        .then(org.assignments().insertAll(plan.assignments))
        .then(org.events().appendAll(actor, events));
  }

  private static LocalDate date(
      Row row, String text, String field, boolean required, List<RowProblem> problems) {
    String value = trim(text);
    if (value == null) {
      if (required) {
        problems.add(new RowProblem(row.line(), "REQUIRED", field, field + " is required."));
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new RowProblem(
              row.line(), "INVALID_DATE", field, value + " is not a date (YYYY-MM-DD)."));
      return null;
    }
  }

  private static String holding(String person, String position) {
    return person + '\n' + position;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
