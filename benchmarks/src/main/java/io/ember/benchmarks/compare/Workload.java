package io.ember.benchmarks.compare;

import io.ember.benchmarks.tpch.TpchQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of a comparison: a reference workload of BENCHMARKS.md or one TPC-H query, run the same
 * way on every engine.
 *
 * @param id           what the children are told to run: {@code W1} ... {@code W9}, {@code W7top},
 *                     {@code W7sort}, {@code Q1} ... {@code Q22}
 * @param label        the table's name for it
 * @param wholeProcess its time is a whole child process's wall time (W9), not runs inside one child
 * @param ordered      its answer's rows come in an order every engine must agree on; otherwise
 *                     the rows are compared as a set
 */
public record Workload(String id, String label, boolean wholeProcess, boolean ordered) {
    /** The reference workloads in table order; W7 is two rows, its top-100 and its full sort. */
    public static final List<Workload> REFERENCE = List.of(
            new Workload("W1", "W1 rdd-pipeline", false, true),
            new Workload("W2", "W2 word-count", false, true),
            new Workload("W3", "W3 csv-groupby", false, false),
            new Workload("W4", "W4 parquet-groupby", false, false),
            new Workload("W5", "W5 broadcast-join", false, true),
            new Workload("W6", "W6 revenue-join", false, true),
            new Workload("W7top", "W7 sort, top-100", false, true),
            new Workload("W7sort", "W7 sort, full sort to Parquet", false, true),
            new Workload("W8", "W8 tiny-jobs (ms per job)", false, true),
            new Workload("W9", "W9 startup (whole process)", true, true));

    /** TPC-H query {@code number}: every query orders its result or returns one row. */
    public static Workload tpch(int number) {
        if (number < 1 || number > TpchQueries.COUNT) {
            throw new IllegalArgumentException("TPC-H has queries Q1 to Q" + TpchQueries.COUNT + ", not Q" + number);
        }
        return new Workload("Q" + number, "TPC-H Q" + number, false, true);
    }

    /** Whether this is a TPC-H query. */
    public boolean isTpch() {
        return id.startsWith("Q");
    }

    /** The TPC-H query's number; only for {@link #isTpch()}. */
    public int tpchNumber() {
        return Integer.parseInt(id.substring(1));
    }

    /**
     * The workloads a command line names, in the order given, each once: {@code W1} ... {@code W9}
     * ({@code W7} is both of its rows), {@code tpch} (all 22 queries), {@code tpch:Q3} (one query),
     * {@code all} (every reference workload, then TPC-H). Nothing named means {@code all}.
     *
     * @throws IllegalArgumentException naming a token that is none of these
     */
    public static List<Workload> select(List<String> tokens) {
        Set<Workload> selected = new LinkedHashSet<>();
        for (String token : tokens.isEmpty() ? List.of("all") : tokens) {
            selected.addAll(named(token));
        }
        return List.copyOf(selected);
    }

    private static List<Workload> named(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            List<Workload> all = new ArrayList<>(REFERENCE);
            all.addAll(named("tpch"));
            return all;
        }
        if (t.equals("tpch")) {
            List<Workload> queries = new ArrayList<>();
            for (int q = 1; q <= TpchQueries.COUNT; q++) {
                queries.add(tpch(q));
            }
            return queries;
        }
        if (t.matches("tpch:q\\d{1,2}")) {
            return List.of(tpch(Integer.parseInt(t.substring("tpch:q".length()))));
        }
        List<Workload> matching = REFERENCE.stream()
                .filter(w -> w.id.equalsIgnoreCase(token) || w.id.toLowerCase(Locale.ROOT).matches(t + "[a-z]+"))
                .toList();
        if (!t.matches("w\\d") || matching.isEmpty()) {
            throw new IllegalArgumentException("unknown workload '" + token
                    + "': expected W1 ... W9, tpch, tpch:Q1 ... tpch:Q22 or all");
        }
        return matching;
    }
}
