package nl.mandaat.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.mandaat.keycloak.KeycloakDistribution;
import nl.mandaat.keycloak.KeycloakException;

/**
 * The whole suite on embedded defaults: PostgreSQL, Keycloak or the in-process issuer, and every
 * service JVM. {@link #start()} returns once everything is ready; {@link #close()} stops everything
 * it started, from any thread, once.
 */
final class Suite implements AutoCloseable {

  /**
   * How long start-up may take before the launcher gives up (the first Keycloak start also builds
   * it).
   */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(120);

  private final LaunchOptions options;
  private final Path root;
  private final String keycloakVersion;
  private final Readiness readiness = new Readiness();

  private final Object lock = new Object();
  private boolean closed;
  private boolean ready;
  private Path dataDir;
  private boolean temporaryData;
  private EmbeddedDatabase database;
  private InProcessIssuer issuer;
  private ManagedProcess keycloak;
  private Optional<ManagedProcess> watchdog = Optional.empty();
  private final List<ManagedProcess> services = new ArrayList<>();
  private final List<ClassDataSharing.Training> trainings = new ArrayList<>();

  Suite(LaunchOptions options, Path root, String keycloakVersion) {
    this.options = options;
    this.root = root;
    this.keycloakVersion = keycloakVersion;
  }

  /**
   * Starts everything and waits until every service is ready and the issuer answers.
   *
   * @throws LaunchException with a one-line cause when something is misconfigured or does not come
   *     up
   */
  void start() {
    SuitePorts ports = options.ports();
    PortCheck.requireFree(ports.listening(options.keycloak()), ports.offset());
    Path logs = prepareDataDir();

    ServiceJars jars = new ServiceJars(root);
    List<ServiceModule> outdated = jars.outdated();
    if (!outdated.isEmpty()) {
      if (options.build()) {
        jars.build(outdated, logs.resolve("build.log"));
      } else if (!jars.missing().isEmpty()) {
        throw new LaunchException(jars.missingMessage(jars.missing()));
      } else {
        Console.progress(
            "older than their sources (not rebuilt, --no-build): "
                + outdated.stream().map(ServiceModule::module).collect(Collectors.joining(", ")));
      }
    }

    Path realmFile = root.resolve(Realm.FILE);
    String realmJson = read(realmFile);
    Realm realm = Realm.parse(realmJson);
    Optional<Path> keycloakHome =
        options.keycloak() ? Optional.of(keycloakHome(logs)) : Optional.empty();

    Console.progress("starting PostgreSQL on port " + ports.postgres());
    EmbeddedDatabase db =
        EmbeddedDatabase.start(
            dataDir.resolve("postgres"), ports.postgres(), logs.resolve("postgres.log"));
    synchronized (lock) {
      database = db;
      requireOpen();
      if (keycloakHome.isPresent()) {
        Console.progress("starting Keycloak " + keycloakVersion + " on port " + ports.keycloak());
        keycloak =
            KeycloakServer.start(
                keycloakHome.get(),
                ports,
                Realm.withPorts(realmJson, ports),
                logs.resolve("keycloak.log"));
      } else {
        Console.progress("serving realm " + realm.name() + " in-process at " + ports.issuer());
        issuer = InProcessIssuer.start(realm, ports.keycloak());
      }
      watchdog =
          Watchdog.start(
              Optional.ofNullable(keycloak).map(k -> k.process().toHandle()),
              db.postmaster(),
              temporaryData ? Optional.of(dataDir) : Optional.empty(),
              logs.resolve("watchdog.log"));
      Map<ServiceModule, ClassDataSharing.Launch> launches =
          new java.util.EnumMap<>(ServiceModule.class);
      ClassDataSharing sharing = ClassDataSharing.defaults();
      List.of(ServiceModule.values()).parallelStream()
          .forEach(
              service -> {
                ClassDataSharing.Launch launch = sharing.launch(service, jars.jar(service));
                synchronized (launches) {
                  launches.put(service, launch);
                }
              });
      long self = ProcessHandle.current().pid();
      Console.progress("starting " + ServiceModule.values().length + " services; logs in " + logs);
      for (ServiceModule service : ServiceModule.values()) {
        launches.get(service).training().ifPresent(trainings::add);
        services.add(
            ManagedProcess.start(
                service.module(),
                ServiceCommand.of(
                    service,
                    launches.get(service).arguments(),
                    ports,
                    db.port(),
                    self,
                    realm.client(ServiceCommand.INTERNAL_CLIENT)),
                Map.of(),
                root,
                logs.resolve(service.module() + ".log")));
      }
    }
    awaitReady(ports);
    synchronized (lock) {
      requireOpen();
      ready = true;
    }
  }

  private Path keycloakHome(Path logs) {
    try {
      return KeycloakDistribution.defaults(keycloakVersion)
          .ensure(root, logs.resolve("keycloak-download.log"), Console::progress);
    } catch (KeycloakException e) {
      throw new LaunchException(e.getMessage() + ", or pass --no-keycloak", e);
    }
  }

  private void awaitReady(SuitePorts ports) {
    long begin = System.nanoTime();
    long deadline = begin + READY_TIMEOUT.toNanos();
    Set<ServiceModule> waiting = new LinkedHashSet<>(List.of(ServiceModule.values()));
    boolean issuerUp = false;
    while (true) {
      requireOpen();
      Optional<ManagedProcess> stopped = firstStopped();
      if (stopped.isPresent()) {
        ManagedProcess process = stopped.get();
        throw new LaunchException(
            process.name()
                + " stopped during start-up (exit code "
                + process.process().exitValue()
                + "); see "
                + process.log());
      }
      if (!issuerUp) {
        issuerUp = readiness.issuerReady(ports.issuer());
        if (issuerUp && options.report()) {
          Console.progress(
              String.format(Locale.ROOT, "%-18s ready after %5.1f s", "issuer", since(begin)));
        }
      }
      waiting.removeIf(
          service -> {
            boolean up = readiness.serviceReady(ports.service(service));
            if (up && options.report()) {
              Console.progress(
                  String.format(
                      Locale.ROOT, "%-18s ready after %5.1f s", service.module(), since(begin)));
            }
            return up;
          });
      if (issuerUp && waiting.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        List<String> late =
            waiting.stream().map(ServiceModule::module).collect(Collectors.toList());
        if (!issuerUp) {
          late.add(options.keycloak() ? "keycloak" : "the in-process issuer");
        }
        throw new LaunchException(
            "not ready after "
                + READY_TIMEOUT.toSeconds()
                + " s: "
                + String.join(", ", late)
                + "; see their logs in "
                + dataDir.resolve("logs"));
      }
      ProcessTree.sleep(500);
    }
  }

  private static double since(long begin) {
    return (System.nanoTime() - begin) / 1e9;
  }

  /**
   * Blocks while the suite runs. Returns when the suite was closed (signal), or after stopping it
   * because one of its processes ended on its own; the return value is the launcher's exit code.
   */
  int awaitStop() {
    while (true) {
      synchronized (lock) {
        if (closed) {
          return 0;
        }
      }
      Optional<ManagedProcess> stopped = firstStopped();
      if (stopped.isPresent()) {
        synchronized (lock) {
          if (closed) {
            return 0;
          }
        }
        ManagedProcess process = stopped.get();
        Console.problem(
            process.name()
                + " stopped unexpectedly (exit code "
                + process.process().exitValue()
                + "); see "
                + process.log()
                + "; stopping the suite");
        close();
        return 1;
      }
      ProcessTree.sleep(1000);
    }
  }

  private Optional<ManagedProcess> firstStopped() {
    synchronized (lock) {
      List<ManagedProcess> all = new ArrayList<>(services);
      if (keycloak != null) {
        all.add(keycloak);
      }
      return all.stream().filter(p -> !p.isAlive()).findFirst();
    }
  }

  /**
   * Every process of the suite with what it is: the launcher, each service, Keycloak, PostgreSQL.
   */
  Map<String, Set<ProcessHandle>> processes() {
    synchronized (lock) {
      Map<String, Set<ProcessHandle>> parts = new LinkedHashMap<>();
      Set<ProcessHandle> launcher = new LinkedHashSet<>();
      launcher.add(ProcessHandle.current());
      parts.put("launcher", launcher);
      for (ManagedProcess service : services) {
        parts.put(service.name(), ProcessTree.treeOf(service.process().toHandle()));
      }
      if (keycloak != null) {
        parts.put("keycloak", ProcessTree.treeOf(keycloak.process().toHandle()));
      }
      if (database != null) {
        database.postmaster().ifPresent(p -> parts.put("postgres", ProcessTree.treeOf(p)));
      }
      watchdog.ifPresent(w -> parts.put("watchdog", ProcessTree.treeOf(w.process().toHandle())));
      // Anything else the launcher spawned (there should be nothing) still counts.
      Set<ProcessHandle> known =
          parts.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
      Set<ProcessHandle> other =
          ProcessHandle.current()
              .descendants()
              .filter(p -> !known.contains(p))
              .collect(Collectors.toSet());
      if (!other.isEmpty()) {
        parts.put("other", other);
      }
      return parts;
    }
  }

  Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      List<ProcessHandle> roots =
          services.stream().map(s -> s.process().toHandle()).collect(Collectors.toList());
      // A JVM that records its class data archive writes it on the way out: give it time.
      ProcessTree.stop(roots, trainings.isEmpty() ? STOP_GRACE : TRAINING_STOP_GRACE);
      for (ClassDataSharing.Training training : trainings) {
        services.stream()
            .filter(s -> s.name().equals(training.service().module()))
            .findFirst()
            .ifPresent(s -> training.finish(s.process()));
      }
      if (keycloak != null) {
        ProcessTree.stop(List.of(keycloak.process().toHandle()), STOP_GRACE);
      }
      if (issuer != null) {
        issuer.close();
      }
      if (database != null) {
        database.close();
      }
      // Whatever else is left (a Maven build interrupted by the signal, say) goes too.
      ProcessTree.stop(
          ProcessHandle.current().descendants().collect(Collectors.toList()), STOP_GRACE);
      if (temporaryData && dataDir != null) {
        if (ready || !hasLogs(dataDir.resolve("logs"))) {
          KeycloakDistribution.deleteQuietly(dataDir);
        } else {
          Console.progress("kept the logs of this failed start in " + dataDir.resolve("logs"));
        }
      }
    }
  }

  private static boolean hasLogs(Path logs) {
    try (var files = Files.list(logs)) {
      return files.anyMatch(
          f -> {
            try {
              return Files.size(f) > 0;
            } catch (IOException e) {
              return false;
            }
          });
    } catch (IOException e) {
      return false;
    }
  }

  private void requireOpen() {
    synchronized (lock) {
      if (closed) {
        throw new LaunchException("stopped");
      }
    }
  }

  private Path prepareDataDir() {
    Path dir = null;
    try {
      if (options.dataDir().isPresent()) {
        dir = options.dataDir().get();
        Files.createDirectories(dir);
      } else {
        dir = Files.createTempDirectory("mandaat-");
        temporaryData = true;
      }
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Path probe = Files.createTempFile(dir, ".write-probe-", ".tmp");
      Files.delete(probe);
      dataDir = dir;
      return logs;
    } catch (IOException | UnsupportedOperationException e) {
      String where = dir == null ? "the temporary directory" : dir.toString();
      throw new LaunchException(
          "cannot write to the data directory "
              + where
              + " ("
              + describe(e)
              + "); pass --data with a writable directory");
    }
  }

  private static String describe(Exception e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "AccessDeniedException" -> "permission denied";
      case "FileSystemException" -> e.getMessage();
      case "FileAlreadyExistsException" -> "a file is in the way";
      case "NotDirectoryException" -> "not a directory";
      default -> e.getMessage() == null ? name : e.getMessage();
    };
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LaunchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
