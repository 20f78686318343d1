package io.ember.dataframe.internal.io.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} into a temporary directory, then
 * {@code postgres} on a free 127.0.0.1 port with its unix socket in that directory. PostgreSQL
 * refuses to run as root, so as root both run as the {@code postgres} user (created by Debian's
 * package) through {@code runuser}. {@link #close} stops the server by the PID in its
 * {@code postmaster.pid} (fast shutdown, then SIGKILL if it lingers) and deletes the directory.
 */
final class PostgresServer implements AutoCloseable {
    private static final String USER = "ember";

    private final Path dir;
    private final int port;
    private final Process launcher;
    private final long pid;

    private PostgresServer(Path dir, int port, Process launcher, long pid) {
        this.dir = dir;
        this.port = port;
        this.launcher = launcher;
        this.pid = pid;
    }

    /** The bin directory of the newest installed PostgreSQL, if any. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int versionOf(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    /** Initialises and starts a server; waits (at most 60 s) until it accepts connections. */
    static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("ember-pg");
        List<String> prefix = new ArrayList<>();
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            prefix.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        Path data = dir.resolve("data");
        List<String> initdb = new ArrayList<>(prefix);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-sync", "--no-instructions"));
        run(initdb, dir.resolve("initdb.log"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> postgres = new ArrayList<>(prefix);
        postgres.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", Integer.toString(port),
                "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=60",
                "-c", "log_statement=all"));
        Process launcher = new ProcessBuilder(postgres).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path pidFile = data.resolve("postmaster.pid");
        while (true) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("postgres exited with " + launcher.exitValue() + ": "
                        + Files.readString(dir.resolve("server.log")));
            }
            if (Files.exists(pidFile) && canConnect(port)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
                return new PostgresServer(dir, port, launcher, pid);
            }
            if (System.nanoTime() > deadline) {
                launcher.destroyForcibly();
                throw new IllegalStateException("postgres did not accept connections within 60 s: "
                        + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(100);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(log));
        }
    }

    private static boolean canConnect(int port) {
        try (Connection c = DriverManager.getConnection(url(port, "postgres"), USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            // Not up yet: the caller polls until its deadline.
            return false;
        }
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Everything the server logged so far: with {@code log_statement=all}, every statement it ran. */
    String log() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    /** The URL of the {@code postgres} database. */
    String url() {
        return url(port, "postgres");
    }

    /** The user the tests connect as (trust authentication: any password is accepted). */
    String user() {
        return USER;
    }

    /** A new connection as {@link #user()}. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        if (server.isPresent()) {
            // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            try {
                server.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                server.get().destroyForcibly();
            }
        }
        if (!launcher.waitFor(10, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
