package nl.mandaat.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Process-tree helpers on Linux's {@code /proc}: resident memory and stopping a tree with no orphan
 * left.
 */
final class ProcessTree {

  private ProcessTree() {}

  /** The process and every living descendant. */
  static Set<ProcessHandle> treeOf(ProcessHandle root) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    return tree;
  }

  /** Resident set size of one process in bytes ({@code VmRSS}); empty when it is gone. */
  static OptionalLong residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
      return OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Sum of {@link #residentBytes} over the processes. */
  static long residentBytes(Collection<ProcessHandle> processes) {
    return processes.stream().mapToLong(p -> residentBytes(p.pid()).orElse(0)).sum();
  }

  /**
   * Stops every process of the given trees: SIGTERM to all (descendants are recorded first, so a
   * child that outlives its parent is still found), then SIGKILL to whatever is alive after {@code
   * grace}.
   *
   * @return the processes that were alive when stopping began
   */
  static List<ProcessHandle> stop(Collection<ProcessHandle> roots, Duration grace) {
    Set<ProcessHandle> all = new LinkedHashSet<>();
    for (ProcessHandle root : roots) {
      all.addAll(treeOf(root));
    }
    List<ProcessHandle> alive =
        all.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
    alive.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && alive.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(100);
    }
    List<ProcessHandle> survivors = new ArrayList<>();
    for (ProcessHandle process : alive) {
      if (process.isAlive()) {
        survivors.add(process);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
    long killDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < killDeadline
        && survivors.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(50);
    }
    return alive;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
