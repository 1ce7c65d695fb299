package nl.mandaat.launcher;

/** The service jars the launcher starts, with their base port and schema (docs/suite.md). */
public enum ServiceModule {
  GATEWAY("gateway", 8080, "gateway"),
  ORG("org-service", 8081, "org"),
  MANDATE("mandate-service", 8082, "mandate"),
  DECISION("decision-service", 8083, "decision"),
  REPORTING("reporting-service", 8084, "reporting"),
  WEB("web", 8085, "web");

  private final String module;
  private final int basePort;
  private final String schema;

  ServiceModule(String module, int basePort, String schema) {
    this.module = module;
    this.basePort = basePort;
    this.schema = schema;
  }

  /** The Maven module, also the jar's name and the log file's name. */
  public String module() {
    return module;
  }

  public int basePort() {
    return basePort;
  }

  public String schema() {
    return schema;
  }
}
