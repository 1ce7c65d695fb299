package nl.mandaat.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service jars in a checkout: where they are, which are missing or older than their sources.
 */
final class ServiceJars {

  /** Modules every service is built from besides its own. */
  private static final List<String> SHARED_MODULES = List.of("mandate-core", "service-support");

  private final Path root;

  ServiceJars(Path root) {
    this.root = root;
  }

  Path jar(ServiceModule service) {
    return root.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
  }

  List<ServiceModule> missing() {
    List<ServiceModule> missing = new ArrayList<>();
    for (ServiceModule service : ServiceModule.values()) {
      if (!Files.isRegularFile(jar(service))) {
        missing.add(service);
      }
    }
    return missing;
  }

  /** Jars missing or older than a source, pom or shared module they are built from. */
  List<ServiceModule> outdated() {
    FileTime shared = newest(sharedSources());
    List<ServiceModule> outdated = new ArrayList<>();
    for (ServiceModule service : ServiceModule.values()) {
      Path jar = jar(service);
      if (!Files.isRegularFile(jar)) {
        outdated.add(service);
        continue;
      }
      FileTime built = modified(jar);
      Path module = root.resolve(service.module());
      FileTime own = newest(List.of(module.resolve("src"), module.resolve("pom.xml")));
      if (own.compareTo(built) > 0 || shared.compareTo(built) > 0) {
        outdated.add(service);
      }
    }
    return outdated;
  }

  /**
   * Builds the given services with the Maven wrapper, output to {@code log}.
   *
   * @throws LaunchException when Maven fails
   */
  void build(List<ServiceModule> services, Path log) {
    String modules = services.stream().map(ServiceModule::module).collect(Collectors.joining(","));
    List<String> command =
        List.of(
            root.resolve("mvnw").toString(),
            "-B",
            "-q",
            "-DskipTests",
            "package",
            "-pl",
            modules,
            "-am");
    Console.progress(
        "building " + modules + " (./mvnw -q -DskipTests package; the first build takes minutes)");
    int exit = Maven.run(root, command, log);
    if (exit != 0) {
      throw new LaunchException(
          "building the services failed (exit "
              + exit
              + "); see "
              + log
              + " or run ./mvnw -DskipTests package");
    }
    List<ServiceModule> stillMissing =
        missing().stream().filter(services::contains).collect(Collectors.toList());
    if (!stillMissing.isEmpty()) {
      String jarNames =
          stillMissing.stream()
              .map(s -> root.relativize(jar(s)).toString())
              .collect(Collectors.joining(", "));
      throw new LaunchException(
          "the build made no "
              + jarNames
              + "; each service module repackages with spring-boot-maven-plugin (docs/suite.md)");
    }
  }

  String missingMessage(List<ServiceModule> missing) {
    String jars =
        missing.stream()
            .map(s -> root.relativize(jar(s)).toString())
            .collect(Collectors.joining(", "));
    String modules = missing.stream().map(ServiceModule::module).collect(Collectors.joining(","));
    return (missing.size() == 1 ? jars + " is missing" : jars + " are missing")
        + "; build with ./mvnw -DskipTests package -pl "
        + modules
        + " -am";
  }

  private List<Path> sharedSources() {
    List<Path> paths = new ArrayList<>();
    paths.add(root.resolve("pom.xml"));
    for (String module : SHARED_MODULES) {
      paths.add(root.resolve(module).resolve("src").resolve("main"));
      paths.add(root.resolve(module).resolve("pom.xml"));
    }
    return paths;
  }

  private static FileTime newest(List<Path> paths) {
    FileTime newest = FileTime.fromMillis(0);
    for (Path path : paths) {
      Optional<FileTime> candidate = newestUnder(path);
      if (candidate.isPresent() && candidate.get().compareTo(newest) > 0) {
        newest = candidate.get();
      }
    }
    return newest;
  }

  private static Optional<FileTime> newestUnder(Path path) {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).map(ServiceJars::modified).max(FileTime::compareTo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
