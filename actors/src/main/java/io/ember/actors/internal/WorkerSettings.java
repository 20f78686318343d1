package io.ember.actors.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/*
 * Design notes
 * ------------
 * A worker node's command line. Every flag has a default that keeps the node on the loopback
 * interface; without --seed the node is the first one of a new cluster (its own seed). The
 * secret is better given by file (--secret file:<path>, EMBER_CLUSTER_SECRET, ~/.ember/secret)
 * than by value: command lines are visible to every user of the machine.
 */
record WorkerSettings(String host, int port, List<String> seeds, int cores, long memory, int dataPort, Path workDir,
                      String secret) {

    static final String USAGE = """
            usage: ember-worker [--host 127.0.0.1] [--port 25520] [--seed host:port]... [--cores N] [--memory 4g]
                                [--data-port 0] [--work-dir DIR] [--secret VALUE|file:PATH]
              --seed       a node of the cluster to join (repeatable); none: this node starts a new cluster
              --cores      task slots of this node's executors (default: the available processors)
              --memory     memory reported for this node's executors (default: the JVM's maximum heap;
                           bin/ember-worker also gives it to the JVM as -Xmx)
              --secret     the cluster secret; default: $EMBER_CLUSTER_SECRET, then the file ~/.ember/secret
            """;

    static WorkerSettings parse(String[] args) {
        String host = "127.0.0.1";
        int port = 25520;
        List<String> seeds = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = Runtime.getRuntime().maxMemory();
        int dataPort = 0;
        Path workDir = null;
        String secret = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = number(flag, value, 1, 65535);
                case "--seed" -> {
                    for (String seed : value.split(",")) {
                        seeds.add(ClusterConfig.HostPort.parse(seed.trim()).toString());
                    }
                }
                case "--cores" -> cores = number(flag, value, 1, 4096);
                case "--memory" -> memory = bytes(value);
                case "--data-port" -> dataPort = number(flag, value, 0, 65535);
                case "--work-dir" -> workDir = Path.of(value);
                case "--secret" -> secret = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (seeds.isEmpty()) {
            seeds.add(host + ":" + port);
        }
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "ember-worker-" + port);
        }
        return new WorkerSettings(host, port, List.copyOf(seeds), cores, memory, dataPort, workDir, secret);
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** {@code 512m}, {@code 4g}, {@code 1048576}: a size in bytes. */
    static long bytes(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g' || last == 't') {
            unit = 1L << (10 * ("kmgt".indexOf(last) + 1));
            text = text.substring(0, text.length() - 1);
        }
        try {
            long n = Long.parseLong(text);
            if (n > 0) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--memory must be a size such as 512m or 4g, got '" + value + "'");
    }
}
