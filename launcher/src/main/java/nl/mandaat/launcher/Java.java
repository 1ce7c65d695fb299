package nl.mandaat.launcher;

import java.nio.file.Path;

/** The JDK the launcher runs on, which also runs every child JVM. */
final class Java {

  private Java() {}

  static Path home() {
    return Path.of(System.getProperty("java.home"));
  }

  static String executable() {
    return home().resolve("bin").resolve("java").toString();
  }
}
