package nl.mandaat.org.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mandaat.core.Actor;
import nl.mandaat.core.Assignment;
import nl.mandaat.core.Person;
import nl.mandaat.core.Position;
import nl.mandaat.core.Register;
import nl.mandaat.core.RegisterChange;
import nl.mandaat.core.Validator;
import nl.mandaat.core.Verdict;
import nl.mandaat.core.Violation;
import nl.mandaat.core.Window;
import nl.mandaat.org.application.port.Events;
import nl.mandaat.org.domain.OrgUnit;
import nl.mandaat.org.domain.OrganisationRules;
import nl.mandaat.org.domain.UnitKind;
import nl.mandaat.org.domain.VersionedPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple4;

/**
 * Imports the organisation from rows (CSV or spreadsheet): units, positions, persons and their
 * assignments, all of it or nothing, with every bad row reported. A row's {@code record} says what
 * it is ({@code unit}, {@code position}, else a person): a person row names a person and,
 * optionally, the position they hold from a date. Units are checked first, in file order, then
 * positions, then persons, each with the rules of the API against what is stored plus the rows
 * accepted before it. A caller may follow a large import's {@link Progress} as it runs.
 */
public final class ImportOrganisation {

  /**
   * One row as read, before any parsing; absent cells are null.
   *
   * @param line the row's number in the file (the header is line 1)
   */
  public record Row(
      int line,
      String record,
      String code,
      String name,
      String parent,
      String kind,
      String headcount,
      String unit,
      String reportsTo,
      String singleHolder,
      String external,
      String username,
      String displayName,
      String sub,
      String position,
      String validFrom,
      String validTo) {

    /** A person row, as the first layout of the file had it. */
    public Row(
        int line,
        String username,
        String displayName,
        String sub,
        String position,
        String validFrom,
        String validTo) {
      this(
          line,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          username,
          displayName,
          sub,
          position,
          validFrom,
          validTo);
    }
  }

  /** What a row records. */
  enum RowType {
    UNIT,
    POSITION,
    PERSON,
    UNKNOWN;

    static RowType of(String record) {
      String r = trim(record);
      if (r == null) {
        return PERSON;
      }
      return switch (r.toLowerCase(java.util.Locale.ROOT)) {
        case "unit", "eenheid" -> UNIT;
        case "position", "functie" -> POSITION;
        case "person", "persoon", "assignment", "toewijzing" -> PERSON;
        default -> UNKNOWN;
      };
    }
  }

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

  /** A guideline a row does not follow: the row is imported, the caller is told. */
  public record RowWarning(int line, String code, String message) {}

  /**
   * What an accepted import stored.
   *
   * @param units the unit windows written
   * @param revision the register's revision after the import
   * @param warnings every guideline a stored row does not follow, in file order
   */
  public record Report(
      int rows,
      int units,
      int positions,
      int persons,
      int assignments,
      long revision,
      List<RowWarning> warnings) {

    public Report {
      warnings = List.copyOf(warnings);
    }
  }

  /** Where an import is. */
  public enum Phase {
    /** The rows are read; waiting for the register (one write at a time) and what it holds. */
    READ,
    /** Checking the rows against the rules. */
    VALIDATE,
    /** Storing the records and their events; visible to others only once all are stored. */
    WRITE,
    /**
     * Every record is written; the transaction commits and the read model catches up, which for a
     * large file takes a while too. The report follows.
     */
    COMMIT
  }

  /**
   * How far an import has come. Counts only grow from one report to the next; the last report has
   * {@code validated == rows} and {@code written == records}.
   *
   * @param rows the rows in the file (not counting the header and blank rows)
   * @param validated the rows checked so far
   * @param records what the import will write (unit windows, positions, persons, assignments);
   *     known once every row is checked, 0 before and when the import is refused
   * @param written the records written so far, in the import's one transaction
   */
  public record Progress(Phase phase, int rows, int validated, int records, int written) {}

  /** Rows checked, or records written, between two progress reports. */
  static final int PROGRESS_STEP = 500;

  private final Organisation org;

  public ImportOrganisation(Organisation org) {
    this.org = Objects.requireNonNull(org, "org");
  }

  /** Imports {@code rows} as {@link #importRows(List, String, Consumer)} without progress. */
  public Mono<Report> importRows(List<Row> rows, String actor) {
    return importRows(rows, actor, progress -> {});
  }

  /**
   * Imports {@code rows} in one transaction: every row is stored, or none.
   *
   * @param progress told where the import is: once when it starts, every {@value #PROGRESS_STEP}
   *     rows checked, when every row is checked, after each part written and once all is written;
   *     called serially, from the thread doing the work, so it must not block
   * @return the report once the import has committed
   * @throws Rejected (as the Mono's error) listing every problem of every bad row
   */
  public Mono<Report> importRows(List<Row> rows, String actor, Consumer<Progress> progress) {
    Objects.requireNonNull(progress, "progress");
    return Mono.defer(
        () -> {
          Tally tally = new Tally(rows.size(), progress);
          tally.report(Phase.READ);
          return org.write(
              Mono.zip(
                      org.persons().all().map(Person::username).collect(Collectors.toSet()),
                      org.positions()
                          .all()
                          .map(VersionedPosition::position)
                          .collectMap(Position::code, Function.identity()),
                      org.assignments().all().collectList(),
                      org.units().all().collectList())
                  // Checking 20,000 rows takes a while: not on an event loop, so that the
                  // progress reports go out while it runs.
                  .publishOn(Schedulers.boundedElastic())
                  .flatMap(t -> validateAndStore(rows, t, tally, actor)));
        });
  }

  private Mono<Report> validateAndStore(
      List<Row> rows,
      Tuple4<Set<String>, Map<String, Position>, List<Assignment>, List<OrgUnit>> stored,
      Tally tally,
      String actor) {
    List<RowProblem> problems = new ArrayList<>();
    List<Row> personRows = new ArrayList<>();
    for (Row row : rows) {
      if (RowType.of(row.record()) == RowType.UNKNOWN) {
        tally.validated();
        problems.add(
            new RowProblem(
                row.line(),
                "INVALID_RECORD",
                "record",
                row.record().strip() + " is not a record type (unit, position or person)."));
      } else if (RowType.of(row.record()) == RowType.PERSON) {
        personRows.add(row);
      }
    }
    UnitPlan units = planUnits(rows, stored.getT4(), stored.getT2().values(), problems, tally);
    Map<String, Position> positions = new HashMap<>(stored.getT2());
    List<RowWarning> warnings = new ArrayList<>();
    List<Position> newPositions =
        planPositions(rows, positions, units.windows(), problems, warnings, tally);
    Plan plan = plan(personRows, stored.getT1(), positions, stored.getT3(), actor, tally);
    problems.addAll(plan.problems);
    if (!problems.isEmpty()) {
      tally.validatedAll(0);
      problems.sort(Comparator.comparingInt(RowProblem::line));
      return Mono.error(new Rejected(problems));
    }
    tally.validatedAll(
        units.added().size() + newPositions.size() + plan.persons.size() + plan.assignments.size());
    return store(units, newPositions, plan, actor, tally)
        .map(
            revision ->
                new Report(
                    rows.size(),
                    units.added().size(),
                    newPositions.size(),
                    plan.persons.size(),
                    plan.assignments.size(),
                    revision,
                    warnings));
  }

  /** Counts for the progress reports; used by one import at a time, serially. */
  private static final class Tally {
    private final int rows;
    private final Consumer<Progress> listener;
    private int validated;
    private int records;
    private int written;

    Tally(int rows, Consumer<Progress> listener) {
      this.rows = rows;
      this.listener = listener;
    }

    void validated() {
      validated++;
      if (validated % PROGRESS_STEP == 0 && validated < rows) {
        report(Phase.VALIDATE);
      }
    }

    void validatedAll(int records) {
      validated = rows;
      this.records = records;
      report(Phase.VALIDATE);
    }

    void written(int count) {
      if (count > 0) {
        written += count;
        report(Phase.WRITE);
      }
    }

    void committing() {
      report(Phase.COMMIT);
    }

    void report(Phase phase) {
      listener.accept(new Progress(phase, rows, validated, records, written));
    }
  }

  /**
   * The units after the import: every window by code (stored and new, oldest first), the new
   * windows as they end up, the stored windows the import ends, every window in the order written
   * (for the events), and the stored units that change (their version goes up).
   */
  private record UnitPlan(
      Map<String, List<OrgUnit>> windows,
      Map<String, OrgUnit> added,
      Map<String, OrgUnit> endedStored,
      List<OrgUnit> written,
      Set<String> changedStored) {}

  private static UnitPlan planUnits(
      List<Row> rows,
      List<OrgUnit> stored,
      Collection<Position> storedPositions,
      List<RowProblem> problems,
      Tally tally) {
    Map<String, List<OrgUnit>> windows = new HashMap<>();
    for (OrgUnit w : stored) {
      windows.computeIfAbsent(w.code(), c -> new ArrayList<>()).add(w);
    }
    Map<String, OrgUnit> added = new LinkedHashMap<>();
    Map<String, OrgUnit> endedStored = new LinkedHashMap<>();
    List<OrgUnit> written = new ArrayList<>();
    Set<String> changedStored = new HashSet<>();
    for (Row row : rows) {
      if (RowType.of(row.record()) != RowType.UNIT) {
        continue;
      }
      tally.validated();
      int before = problems.size();
      String code = required(row, row.code(), "code", problems);
      String name = required(row, row.name(), "name", problems);
      UnitKind kind = unitKind(row, problems);
      LocalDate from = date(row, row.validFrom(), "validFrom", true, problems);
      LocalDate to = date(row, row.validTo(), "validTo", false, problems);
      int headcount = headcount(row, problems);
      if (problems.size() > before) {
        continue;
      }
      String parent = trim(row.parent());
      List<OrgUnit> history = windows.getOrDefault(code, List.of());
      Map<String, OrgUnit> inForce = inForceOn(windows, from);
      Verdict verdict =
          OrganisationRules.all(
              OrganisationRules.windowIsValid(from, to),
              OrganisationRules.parentUnitIsKnown(parent, inForce),
              OrganisationRules.unitTreeHasNoCycle(code, parent, inForce));
      if (verdict.isAccepted()) {
        OrgUnit unit = new OrgUnit(code, name, parent, kind, from, to, headcount);
        if (history.contains(unit)) {
          continue; // recorded just so already: importing the same file again changes nothing
        }
        verdict =
            OrganisationRules.all(
                verdict,
                OrganisationRules.unitWindowFollowsHistory(code, from, history),
                OrganisationRules.unitWindowKeepsTreeWhole(
                    unit, allWindows(windows), storedPositions));
      }
      for (Violation v : verdict.violations()) {
        problems.add(new RowProblem(row.line(), v.code(), v.field(), v.messageEn()));
      }
      if (problems.size() > before) {
        continue;
      }
      OrgUnit unit = new OrgUnit(code, name, parent, kind, from, to, headcount);
      List<OrgUnit> own = windows.computeIfAbsent(code, c -> new ArrayList<>());
      OrgUnit previous = inForce.get(code);
      if (previous != null) {
        OrgUnit ended = previous.endingOn(from.minusDays(1));
        own.set(own.indexOf(previous), ended);
        String key = key(ended);
        if (added.containsKey(key)) {
          added.put(key, ended);
        } else {
          endedStored.put(key, ended);
        }
        written.add(ended);
      }
      own.add(unit);
      added.put(key(unit), unit);
      written.add(unit);
      if (stored.stream().anyMatch(w -> w.code().equals(code))) {
        changedStored.add(code);
      }
    }
    return new UnitPlan(windows, added, endedStored, written, changedStored);
  }

  private static List<Position> planPositions(
      List<Row> rows,
      Map<String, Position> positions,
      Map<String, List<OrgUnit>> windows,
      List<RowProblem> problems,
      List<RowWarning> warnings,
      Tally tally) {
    List<Position> added = new ArrayList<>();
    for (Row row : rows) {
      if (RowType.of(row.record()) != RowType.POSITION) {
        continue;
      }
      tally.validated();
      int before = problems.size();
      String code = required(row, row.code(), "code", problems);
      String name = required(row, row.name(), "name", problems);
      LocalDate from = date(row, row.validFrom(), "validFrom", true, problems);
      LocalDate to = date(row, row.validTo(), "validTo", false, problems);
      boolean singleHolder = flag(row, row.singleHolder(), "singleHolder", true, problems);
      boolean external = flag(row, row.external(), "external", false, problems);
      if (problems.size() > before) {
        continue;
      }
      String unit = trim(row.unit());
      String reportsTo = trim(row.reportsTo());
      Map<String, OrgUnit> inForce = inForceOn(windows, from);
      Verdict verdict =
          OrganisationRules.all(
              OrganisationRules.windowIsValid(from, to),
              OrganisationRules.positionUnitIsKnown(unit, inForce),
              OrganisationRules.reportsToIsKnown(
                  code, reportsTo, reportsTo != null && positions.containsKey(reportsTo)));
      if (verdict.isAccepted()) {
        Position position =
            new Position(code, name, unit, reportsTo, singleHolder, external, Window.of(from, to));
        if (position.equals(positions.get(code)) && !added.contains(position)) {
          continue; // recorded just so already
        }
        verdict =
            OrganisationRules.all(
                verdict,
                // Against the unit's windows as the file's unit rows leave them.
                OrganisationRules.positionWithinUnitLifetime(
                    position, windows.getOrDefault(unit, List.of())),
                OrganisationRules.codeIsFree(code, positions.containsKey(code)));
      } else {
        verdict =
            OrganisationRules.all(
                verdict, OrganisationRules.codeIsFree(code, positions.containsKey(code)));
      }
      for (Violation v : verdict.violations()) {
        problems.add(new RowProblem(row.line(), v.code(), v.field(), v.messageEn()));
      }
      if (problems.size() > before) {
        continue;
      }
      Position position =
          new Position(code, name, unit, reportsTo, singleHolder, external, Window.of(from, to));
      positions.put(code, position);
      added.add(position);
      // The rule of POST /positions, against the units as the file leaves them on that day.
      OrganisationRules.teammanagerInLargeAfdeling(position, inForce.get(unit), inForce)
          .ifPresent(w -> warnings.add(new RowWarning(row.line(), w.code(), w.message())));
    }
    return added;
  }

  private static Map<String, OrgUnit> inForceOn(Map<String, List<OrgUnit>> windows, LocalDate day) {
    Map<String, OrgUnit> inForce = new HashMap<>();
    for (List<OrgUnit> own : windows.values()) {
      for (OrgUnit w : own) {
        if (w.isInForceOn(day)) {
          inForce.put(w.code(), w);
        }
      }
    }
    return inForce;
  }

  private static List<OrgUnit> allWindows(Map<String, List<OrgUnit>> windows) {
    List<OrgUnit> all = new ArrayList<>();
    windows.values().forEach(all::addAll);
    return all;
  }

  private static String key(OrgUnit unit) {
    return unit.code() + '\n' + unit.validFrom();
  }

  private static String required(Row row, String text, String field, List<RowProblem> problems) {
    String value = trim(text);
    if (value == null) {
      problems.add(new RowProblem(row.line(), "REQUIRED", field, field + " is required."));
    }
    return value;
  }

  private static UnitKind unitKind(Row row, List<RowProblem> problems) {
    String value = trim(row.kind());
    if (value == null) {
      problems.add(new RowProblem(row.line(), "REQUIRED", "kind", "kind is required."));
      return null;
    }
    String upper = value.toUpperCase(java.util.Locale.ROOT);
    for (UnitKind k : UnitKind.values()) {
      if (k.name().equals(upper) || k.toCore().name().equals(upper)) {
        return k;
      }
    }
    problems.add(
        new RowProblem(
            row.line(),
            "INVALID_KIND",
            "kind",
            value + " is not a kind (GEMEENTE, DIRECTIE, AFDELING, TEAM)."));
    return null;
  }

  private static int headcount(Row row, List<RowProblem> problems) {
    String value = trim(row.headcount());
    if (value == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        new RowProblem(
            row.line(),
            "INVALID_NUMBER",
            "headcount",
            value + " is not a headcount (a whole number, 0 or more)."));
    return 0;
  }

  private static boolean flag(
      Row row, String text, String field, boolean absent, List<RowProblem> problems) {
    String value = trim(text);
    if (value == null) {
      return absent;
    }
    switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "ja", "yes", "1":
        return true;
      case "false", "nee", "no", "0":
        return false;
      default:
        problems.add(
            new RowProblem(
                row.line(), "INVALID_FLAG", field, value + " is not true or false (ja/nee)."));
        return absent;
    }
  }

  private record Plan(
      List<Person> persons, List<Assignment> assignments, List<RowProblem> problems) {}

  private Plan plan(
      List<Row> rows,
      Set<String> knownPersons,
      Map<String, Position> positions,
      List<Assignment> existing,
      String actor,
      Tally tally) {
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
      tally.validated();
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

  /**
   * Writes the plan in parts, each with its events, in the order of the events: units, then
   * positions, persons and assignments, each in parts of {@value #PROGRESS_STEP}. The parts share
   * the one transaction: the progress tells how far it is, not what others can see.
   *
   * @return the revision of the last event, or the current head when nothing was written
   */
  private Mono<Long> store(
      UnitPlan units, List<Position> positions, Plan plan, String actor, Tally tally) {
    Mono<Void> versions =
        Flux.fromIterable(units.changedStored())
            .concatMap(code -> org.units().version(code).flatMap(v -> org.units().advance(code, v)))
            .then();
    Mono<Void> ends =
        Flux.fromIterable(units.endedStored().values())
            .concatMap(w -> org.units().end(w.code(), w.validFrom(), w.validTo()))
            .then();
    Mono<Void> inserts =
        Flux.fromIterable(units.added().values()).concatMap(org.units()::insert).then();
    Mono<Long> unitPart =
        versions
            .then(ends)
            .then(inserts)
            .then(
                appendAll(
                    actor,
                    units.written(),
                    u -> new Events.NewEvent(Payloads.UNIT_RECORDED, Payloads.of(u))))
            .doOnNext(revision -> tally.written(units.added().size()));
    Flux<Long> positionParts =
        parts(positions)
            .concatMap(
                part ->
                    Flux.fromIterable(part)
                        .concatMap(org.positions()::insert)
                        .then(
                            appendAll(
                                actor,
                                part,
                                p ->
                                    new Events.NewEvent(
                                        Payloads.POSITION_RECORDED, Payloads.of(p))))
                        .doOnNext(revision -> tally.written(part.size())));
    Flux<Long> personParts =
        parts(plan.persons)
            .concatMap(
                part ->
                    org.persons()
                        .insertAll(part)
                        .then(
                            appendAll(
                                actor,
                                part,
                                p -> new Events.NewEvent(Payloads.PERSON_RECORDED, Payloads.of(p))))
                        .doOnNext(revision -> tally.written(part.size())));
    Flux<Long> assignmentParts =
        parts(plan.assignments)
            .concatMap(
                part ->
                    org.assignments()
                        .insertAll(part)
                        .then(
                            appendAll(
                                actor,
                                part,
                                a ->
                                    new Events.NewEvent(
                                        Payloads.ASSIGNMENT_RECORDED, Payloads.of(a))))
                        .doOnNext(revision -> tally.written(part.size())));
    return Flux.concat(unitPart, positionParts, personParts, assignmentParts)
        .then(org.events().head())
        .doOnNext(revision -> tally.committing());
  }

  private <T> Mono<Long> appendAll(
      String actor, List<T> records, Function<T, Events.NewEvent> event) {
    List<Events.NewEvent> events = new ArrayList<>(records.size());
    records.forEach(r -> events.add(event.apply(r)));
    return org.events().appendAll(actor, events);
  }

  private static <T> Flux<List<T>> parts(List<T> all) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < all.size(); i += PROGRESS_STEP) {
      parts.add(all.subList(i, Math.min(all.size(), i + PROGRESS_STEP)));
    }
    return Flux.fromIterable(parts);
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
