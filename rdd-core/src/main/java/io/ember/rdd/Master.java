package io.ember.rdd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed master URL: how many local executors to start ({@code local[N]}), or the seed nodes
 * of the cluster to join ({@code ember://host:port[,host:port...]}).
 */
record Master(String url, int executors, List<String> seeds) {
    private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)]");
    private static final Pattern HOST_PORT = Pattern.compile("[^,:/\\s]+:\\d{1,5}");
    private static final String CLUSTER = "ember://";

    static Master parse(String url) {
        String u = url == null ? "" : url.trim();
        if (u.equals("local")) {
            return new Master(u, 1, List.of());
        }
        Matcher m = LOCAL_N.matcher(u);
        if (m.matches()) {
            int n = m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
            if (n < 1) {
                throw new IllegalArgumentException("Master URL '" + url + "' asks for " + n + " executors: at least 1 is needed");
            }
            return new Master(u, n, List.of());
        }
        if (u.startsWith(CLUSTER)) {
            List<String> seeds = new ArrayList<>();
            for (String seed : u.substring(CLUSTER.length()).split(",")) {
                String s = seed.trim();
                if (!HOST_PORT.matcher(s).matches() || Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)) > 65535) {
                    throw new IllegalArgumentException("Master URL '" + url + "' names '" + s
                            + "': expected ember://host:port[,host:port...]");
                }
                seeds.add(s);
            }
            return new Master(u, 0, List.copyOf(seeds));
        }
        throw new IllegalArgumentException("Unsupported master URL '" + url
                + "': expected local, local[N], local[*] or ember://host:port[,host:port...]");
    }

    /** Whether this master is a cluster to join. */
    boolean isCluster() {
        return !seeds.isEmpty();
    }
}
