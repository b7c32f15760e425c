package org.glorotsweep.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its descendants listen on, read from Linux's {@code /proc}: the inodes of the
 * sockets among each process's open files ({@code /proc/PID/fd/* -> socket:[INODE]}), matched against the
 * listening rows ({@code st = 0A}) of {@code /proc/PID/net/tcp} and {@code tcp6}. What {@code ss -ltnp} shows,
 * without needing the tool.
 */
final class ListeningSockets {
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** A listening socket: the local address and port. */
  record Listener(InetAddress address, int port) implements Comparable<Listener> {
    @Override
    public int compareTo(Listener other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return address.getHostAddress() + ":" + port;
    }
  }

  /** Whether this machine exposes {@code /proc} in the layout read here. */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/self/net/tcp"));
  }

  /**
   * The sockets {@code process} and its live descendants listen on now; processes that exit while being read
   * contribute what was read before they went.
   */
  static Set<Listener> of(ProcessHandle process) throws IOException {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process);
    try (Stream<ProcessHandle> descendants = process.descendants()) {
      descendants.forEach(tree::add);
    }
    Set<Listener> listeners = new TreeSet<>();
    for (ProcessHandle handle : tree) {
      Path proc = Path.of("/proc", String.valueOf(handle.pid()));
      Set<String> inodes = socketInodes(proc.resolve("fd"));
      listeners.addAll(listening(proc.resolve("net/tcp"), inodes));
      listeners.addAll(listening(proc.resolve("net/tcp6"), inodes));
    }
    return listeners;
  }

  private static Set<String> socketInodes(Path fds) throws IOException {
    Set<String> inodes = new HashSet<>();
    List<Path> links;
    try (Stream<Path> files = Files.list(fds)) {
      links = files.toList();
    } catch (NoSuchFileException exited) {
      return inodes;
    }
    for (Path link : links) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        if (target.startsWith("socket:[")) {
          inodes.add(target.substring("socket:[".length(), target.length() - 1));
        }
      } catch (NoSuchFileException closed) {
        // the descriptor was closed between listing and reading: not a listener any more
      }
    }
    return inodes;
  }

  /** The listening rows of one {@code /proc/PID/net/tcp[6]} table whose inode is among {@code inodes}. */
  private static List<Listener> listening(Path table, Set<String> inodes) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(table);
    } catch (NoSuchFileException exited) {
      return List.of();
    }
    List<Listener> listeners = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
      String[] fields = line.trim().split("\\s+");
      if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
        String[] local = fields[1].split(":");
        listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
      }
    }
    return listeners;
  }

  /**
   * An address as the kernel prints it: the raw bytes in hex, each 32-bit word in the machine's (little-endian)
   * byte order.
   */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = 2 * (4 * word + b);
        bytes[4 * word + 3 - b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes);
  }
}
