package io.ember.rdd.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Child JVMs of a cluster test: worker nodes ({@code io.ember.actors.internal.cluster.EmberWorker}) and
 * drivers, all on 127.0.0.1. A worker's class path is this test's class path without the test
 * classes and the test libraries, so application classes must really be shipped to it. Every
 * child is killed by its PID (and its descendants by theirs) in {@link #close()}, and by a
 * shutdown hook if the test JVM dies first.
 */
final class WorkerJvms implements AutoCloseable {
    static final String SECRET = "the-cluster-test-secret-0123456789";
    static final String WORKER_MAIN = "io.ember.actors.internal.cluster.EmberWorker";

    /** One child JVM and where its output goes. */
    record Child(String name, int port, Process process, Path log) {
        long pid() {
            return process.pid();
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<" + e + ">";
            }
        }
    }

    private final Path dir;
    private final Map<Integer, Child> workers = new LinkedHashMap<>();
    private final List<Child> children = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "kill-cluster-test-jvms");

    WorkerJvms(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The test's class path, entry by entry. */
    static List<String> testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isEmpty()).toList();
    }

    /** What a worker node has: the engine and its dependencies, not the tests nor their libraries. */
    static String workerClassPath() {
        return testClassPath().stream()
                .filter(e -> !e.endsWith("test-classes") && !e.contains("junit") && !e.contains("opentest4j")
                        && !e.contains("apiguardian") && !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a worker on {@code port} that joins {@code seeds} (its own port if none), with {@code secret}. */
    Child startWorker(int port, List<Integer> seeds, String secret) throws IOException {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--cores", "2", "--memory", "256m", "--work-dir", dir.resolve("work-" + port).toString()));
        for (int seed : seeds.isEmpty() ? List.of(port) : seeds) {
            args.add("--seed");
            args.add("127.0.0.1:" + seed);
        }
        Child child = start("worker-" + port, port, workerClassPath(), WORKER_MAIN, args, secret);
        workers.put(port, child);
        return child;
    }

    /** Starts a JVM running {@code main} with the whole test class path (a driver program). */
    Child startDriver(String name, String main, List<String> args) throws IOException {
        return start(name, 0, String.join(File.pathSeparator, testClassPath()), main, args, SECRET);
    }

    /**
     * Starts a driver program with no cluster secret anywhere: none in its environment, and a
     * home directory (this test's directory) without {@code .ember/secret}.
     */
    Child startDriverWithoutSecret(String name, String main, List<String> args) throws IOException {
        return start(name, 0, String.join(File.pathSeparator, testClassPath()), main, args, null);
    }

    /** Starts a child JVM; a null {@code secret} leaves it without any (see {@link #startDriverWithoutSecret}). */
    private Child start(String name, int port, String classPath, String main, List<String> args, String secret)
            throws IOException {
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (secret == null) {
            command.add("-Duser.home=" + dir);
        }
        // children log as this test JVM does (the logging settings surefire gives it)
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("org.slf4j.simpleLogger.")) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (secret == null) {
            builder.environment().remove("EMBER_CLUSTER_SECRET");
        } else {
            builder.environment().put("EMBER_CLUSTER_SECRET", secret);
        }
        Child child = new Child(name, port, builder.start(), log);
        children.add(child);
        return child;
    }

    /** Waits until every given worker has printed that it is up. */
    static void awaitUp(List<Child> children, long timeoutSeconds) throws InterruptedException {
        awaitOutput(children, "is up", timeoutSeconds);
    }

    /** Waits until every given child has printed {@code text}. */
    static void awaitOutput(List<Child> children, String text, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Child child : children) {
            while (!child.output().contains(text)) {
                if (!child.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(child.name() + " did not print '" + text + "':\n" + child.output());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until {@code sc} has {@code alive} live executors. */
    static void awaitExecutors(io.ember.rdd.EmberContext sc, int alive) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sc.executors().count(e -> e.state() == io.ember.actors.ExecutorInfo.State.ALIVE) < alive) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + alive + " executors, have " + sc.executors());
            }
            Thread.sleep(50);
        }
    }

    /**
     * A driver in this JVM, with the cluster secret and {@code settings}, for the cluster whose
     * seed listens on {@code seedPort}: returned once {@code workers} are up and {@code executors}
     * executors are alive. A failure carries every child's output.
     */
    io.ember.rdd.EmberContext driver(int seedPort, List<Child> workers, int executors, String appName,
                                     Map<String, String> settings) {
        try {
            awaitUp(workers, 60);
            io.ember.rdd.EmberContext.Builder builder = io.ember.rdd.EmberContext.builder()
                    .master("ember://127.0.0.1:" + seedPort).appName(appName)
                    .config("ember.cluster.secret", SECRET).config("ember.ui.enabled", "false");
            settings.forEach(builder::config);
            io.ember.rdd.EmberContext sc = builder.getOrCreate();
            awaitExecutors(sc, executors);
            return sc;
        } catch (Throwable t) {
            throw new AssertionError(t + "\n" + outputs(), t);
        }
    }

    /** Closes {@code sc} (if any), then stops every child. */
    void closeAfter(io.ember.rdd.EmberContext sc) {
        try {
            if (sc != null) {
                sc.close();
            }
        } finally {
            close();
        }
    }

    /** The Akka port in an executor's address, {@code akka://ember@127.0.0.1:25521/user/worker/...}. */
    static int port(String address) {
        String rest = address.substring(address.indexOf('@') + 1);
        return Integer.parseInt(rest.substring(rest.indexOf(':') + 1, rest.indexOf('/')));
    }

    /** The worker listening on {@code port}. */
    Child worker(int port) {
        return workers.get(port);
    }

    /** kill -9 of one child, by PID; returns when it is dead. */
    static void kill(Child child) throws InterruptedException {
        child.process().descendants().forEach(ProcessHandle::destroyForcibly);
        child.process().destroyForcibly();
        child.process().waitFor(10, TimeUnit.SECONDS);
    }

    /** The outputs of every child, for a failure message. */
    String outputs() {
        StringBuilder text = new StringBuilder();
        for (Child child : children) {
            text.append("==== ").append(child.name()).append(" (pid ").append(child.pid()).append(")\n").append(child.output());
        }
        return text.toString();
    }

    private void killAll() {
        for (Child child : children) {
            child.process().descendants().forEach(ProcessHandle::destroyForcibly);
            child.process().destroyForcibly();
        }
        for (Child child : children) {
            try {
                child.process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
