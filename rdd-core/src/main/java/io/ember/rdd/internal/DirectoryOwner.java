package io.ember.rdd.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which process a working directory belongs to, so that the directories of processes that died
 * without cleaning up (a driver killed by {@code kill -9}, a JVM that ran out of memory) can be
 * told from those of running ones and deleted.
 *
 * <p>Design notes. The owner is recorded in the directory itself, in the hidden file
 * {@value #FILE}: host name, PID and the process's start time. A directory is
 * <em>abandoned</em> only when that record says it belongs to this host and no process with that
 * PID and start time runs here any more (the start time guards against a reused PID). A directory
 * without a readable record, or of another host, is never called abandoned: deleting the work of
 * a live process is far worse than keeping a dead one's. Thread-safe (no state).
 */
public final class DirectoryOwner {
    /** The file that records a directory's owner. */
    public static final String FILE = ".ember-owner";

    private static final String HOST = hostName();

    private DirectoryOwner() {
    }

    /**
     * Records this process as the owner of {@code dir}.
     *
     * @throws UncheckedIOException if the record cannot be written
     */
    public static void claim(Path dir) {
        ProcessHandle self = ProcessHandle.current();
        String record = String.join("\n", HOST, Long.toString(self.pid()), startOf(self).map(Instant::toString).orElse("-"));
        try {
            Files.writeString(dir.resolve(FILE), record + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record this process as the owner of " + dir, e);
        }
    }

    /** Whether {@code dir} belongs to a process of this host that has ended (see the class notes). */
    public static boolean isAbandoned(Path dir) {
        List<String> record;
        try {
            record = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (record.size() < 3 || !record.get(0).equals(HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(record.get(1));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = startOf(process.get());
        if (record.get(2).equals("-") || started.isEmpty()) {
            return false;
        }
        try {
            // why a tolerance: the start time is derived from clock ticks and may be rounded differently
            return Math.abs(Instant.parse(record.get(2)).toEpochMilli() - started.get().toEpochMilli()) > 1_000;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Deletes {@code dir} and everything in it.
     *
     * @throws IOException if something in it cannot be deleted
     */
    public static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    /**
     * This host's name: the kernel's where it can be read (Linux), else the resolver's. Read once;
     * the kernel's first, because resolving the local host name can wait on DNS.
     */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException | UnsupportedOperationException e) {
            // why: not Linux; fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // why: an unresolvable name; a wrong host name only ever keeps directories, never deletes one
            return "localhost";
        }
    }
}
