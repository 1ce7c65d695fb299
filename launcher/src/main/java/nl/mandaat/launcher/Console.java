package nl.mandaat.launcher;

import java.io.PrintStream;

/**
 * The launcher's voice. Standard output carries only the {@code READY} line (scripts wait for it);
 * progress and problems go to standard error, one line each, prefixed {@code mandaat: }.
 */
final class Console {

  private static final PrintStream OUT = System.out;
  private static final PrintStream ERR = System.err;

  private Console() {}

  static void ready(String url) {
    OUT.println("READY " + url);
    OUT.flush();
  }

  static void progress(String line) {
    ERR.println("mandaat: " + line);
    ERR.flush();
  }

  static void problem(String line) {
    ERR.println("mandaat: " + line);
    ERR.flush();
  }
}
