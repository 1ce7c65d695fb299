package nl.mandaat.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of one service JVM, following the run-time contract in docs/suite.md. */
final class ServiceCommand {

  /**
   * Small-heap settings: six service JVMs, Keycloak and PostgreSQL fit in 3 GiB. C1 only, because
   * start-up time matters more than peak speed here. {@code MANDAAT_SERVICE_JAVA_OPTS} replaces
   * them.
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-Xms32m",
          "-Xmx160m",
          "-XX:MaxMetaspaceSize=192m",
          "-XX:ReservedCodeCacheSize=64m",
          "-XX:MaxDirectMemorySize=128m",
          "-XX:TieredStopAtLevel=1",
          "-Xshare:auto");

  private ServiceCommand() {}

  /** The realm's client for calls inside the suite (infra/keycloak/README.md). */
  static final String INTERNAL_CLIENT = "mandaat-internal";

  static List<String> of(
      ServiceModule service, Path jar, SuitePorts ports, int postgresPort, long parentPid) {
    return of(
        service, List.of("-jar", jar.toString()), ports, postgresPort, parentPid, Optional.empty());
  }

  /**
   * The command line with the given way to run the jar: {@code -jar <jar>}, possibly preceded by
   * class data sharing flags ({@link ClassDataSharing}), and the realm's client for calls inside
   * the suite.
   */
  static List<String> of(
      ServiceModule service,
      List<String> jarArguments,
      SuitePorts ports,
      int postgresPort,
      long parentPid,
      Optional<Realm.Client> internalClient) {
    List<String> command = new ArrayList<>();
    command.add(Java.executable());
    String override = System.getenv("MANDAAT_SERVICE_JAVA_OPTS");
    if (override != null && !override.isBlank()) {
      command.addAll(List.of(override.trim().split("\\s+")));
    } else {
      command.addAll(JVM_OPTIONS);
    }
    command.addAll(jarArguments);
    command.add("--server.port=" + ports.of(service));
    command.add("--mandaat.db.host=localhost");
    command.add("--mandaat.db.port=" + postgresPort);
    command.add("--mandaat.db.name=" + EmbeddedDatabase.DATABASE);
    command.add("--mandaat.db.username=" + EmbeddedDatabase.USERNAME);
    command.add("--mandaat.db.password=" + EmbeddedDatabase.PASSWORD);
    command.add("--mandaat.db.schema=" + service.schema());
    command.add("--mandaat.security.issuer-uri=" + ports.issuer());
    command.add("--mandaat.parent-pid=" + parentPid);
    command.add("--spring.profiles.active=demo");
    if (service == ServiceModule.GATEWAY) {
      command.add("--mandaat.routes.org-uri=" + ports.service(ServiceModule.ORG));
      command.add("--mandaat.routes.mandate-uri=" + ports.service(ServiceModule.MANDATE));
      command.add("--mandaat.routes.decision-uri=" + ports.service(ServiceModule.DECISION));
      command.add("--mandaat.routes.reporting-uri=" + ports.service(ServiceModule.REPORTING));
      command.add("--mandaat.routes.web-uri=" + ports.service(ServiceModule.WEB));
    }
    if (service == ServiceModule.MANDATE) {
      // mandate-service validates every write against the organisation org-service publishes.
      command.add("--mandaat.org.uri=" + ports.service(ServiceModule.ORG));
    }
    if (service == ServiceModule.GATEWAY || service == ServiceModule.MANDATE) {
      // They follow other services' /internal streams (the gateway's replica, mandate-service's
      // organisation outside the demo profile).
      internalClient.ifPresent(
          client -> {
            command.add("--mandaat.internal-client.id=" + client.clientId());
            client.secret().ifPresent(s -> command.add("--mandaat.internal-client.secret=" + s));
          });
    }
    return command;
  }
}
