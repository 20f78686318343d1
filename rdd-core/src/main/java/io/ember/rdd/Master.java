package io.ember.rdd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed master URL: how many local executors to start. */
record Master(String url, int executors) {
    private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)]");

    static Master parse(String url) {
        String u = url == null ? "" : url.trim();
        if (u.equals("local")) {
            return new Master(u, 1);
        }
        Matcher m = LOCAL_N.matcher(u);
        if (m.matches()) {
            int n = m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
            if (n < 1) {
                throw new IllegalArgumentException("Master URL '" + url + "' asks for " + n + " executors: at least 1 is needed");
            }
            return new Master(u, n);
        }
        throw new IllegalArgumentException("Unsupported master URL '" + url
                + "': expected local, local[N] or local[*]");
    }
}
