package io.ember.dataframe;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.physical.Batches;
import io.ember.dataframe.internal.physical.BroadcastExchangeExec;
import io.ember.dataframe.internal.physical.ExecContext;
import io.ember.dataframe.internal.physical.LimitExec;
import io.ember.dataframe.internal.physical.PhysicalPlan;
import io.ember.dataframe.internal.physical.Planner;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of a query: the analyzed plan, optimized with the session's rules, planned into
 * physical operators with the settings in force now, and executed as jobs.
 */
final class QueryExecution {
    private final EmberSession session;
    private final LogicalPlan analyzed;
    private final ExecContext ctx;
    private final StatsEstimator stats;
    private LogicalPlan optimized;
    private PhysicalPlan physical;
    private boolean inExecution;

    QueryExecution(EmberSession session, LogicalPlan analyzed) {
        this.session = session;
        this.analyzed = analyzed;
        this.ctx = session.execContext();
        this.stats = session.statsEstimator();
    }

    LogicalPlan optimized() {
        if (optimized == null) {
            optimized = session.optimize(analyzed, stats);
        }
        return optimized;
    }

    PhysicalPlan physical() {
        if (physical == null) {
            physical = new Planner(ctx, session::optimize, stats).plan(optimized());
        }
        return physical;
    }

    RDD<ColumnBatch> toRdd() {
        return physical().execute(ctx);
    }

    /**
     * Runs {@code action}, which runs this query's jobs, as one SQL execution (see
     * {@link SqlExecutions}): the UI shows its plan with the rows of each operator.
     */
    <T> T asExecution(Supplier<T> action) {
        if (inExecution) {
            return action.get();
        }
        inExecution = true;
        try {
            return SqlExecutions.run(session.context(), analyzed, physical(), action);
        } finally {
            inExecution = false;
        }
    }

    /** Every batch of the result, in partition order, as one SQL execution. */
    List<ColumnBatch> collect() {
        return asExecution(this::collectBatches);
    }

    /** The first {@code n} rows of a plan ending in a limit, as one SQL execution. */
    List<ColumnBatch> collectLimited(int n) {
        return asExecution(() -> {
            List<ColumnBatch> out = collectLimitedBatches(n);
            if (physical instanceof LimitExec limit && limit.outputRows().isEmpty()) {
                limit.addOutputRows(ctx, out.stream().mapToLong(b -> b.numRows).sum());
            }
            return out;
        });
    }

    /** Every batch of the result, in partition order; the query's broadcasts are destroyed after. */
    private List<ColumnBatch> collectBatches() {
        try {
            List<ColumnBatch> out = new ArrayList<>();
            for (ArrayList<ColumnBatch> part : session.context().runJob(toRdd(), (tc, it) -> drain(it))) {
                out.addAll(part);
            }
            return out;
        } finally {
            releaseBroadcasts();
        }
    }

    /** Destroys the broadcasts of this query: collect and collectLimited keep no RDD that could read them again. */
    private void releaseBroadcasts() {
        if (physical != null) {
            BroadcastExchangeExec.destroyAll(physical);
        }
    }

    /**
     * The result of a plan ending in a limit, scanning partitions a few at a time (1, then 4 times
     * as many...) until enough rows are found, as Spark's {@code executeTake} does.
     */
    private List<ColumnBatch> collectLimitedBatches(int n) {
        PhysicalPlan root = physical();
        if (!(root instanceof LimitExec limit)) {
            return collect();
        }
        try {
            return takeLimited(limit, n);
        } finally {
            releaseBroadcasts();
        }
    }

    private List<ColumnBatch> takeLimited(LimitExec limit, int n) {
        RDD<ColumnBatch> rdd = limit.children().get(0).execute(ctx);
        int total = rdd.getNumPartitions();
        List<ColumnBatch> out = new ArrayList<>();
        int rows = 0;
        int scanned = 0;
        int step = 1;
        while (rows < n && scanned < total) {
            List<Integer> parts = new ArrayList<>();
            for (int p = scanned; p < Math.min(total, scanned + step); p++) {
                parts.add(p);
            }
            int left = n - rows;
            List<ArrayList<ColumnBatch>> results = session.context().runJob(rdd, (tc, it) -> drain(Batches.limit(it, left)), parts);
            for (ArrayList<ColumnBatch> part : results) {
                for (ColumnBatch b : part) {
                    if (rows >= n) {
                        break;
                    }
                    ColumnBatch cut = b.limit(n - rows);
                    out.add(cut);
                    rows += cut.numRows;
                }
            }
            scanned += parts.size();
            step *= 4;
        }
        return out;
    }

    private static ArrayList<ColumnBatch> drain(Iterator<ColumnBatch> it) {
        ArrayList<ColumnBatch> list = new ArrayList<>();
        while (it.hasNext()) {
            ColumnBatch b = it.next();
            if (b.numRows > 0) {
                list.add(b);
            }
        }
        return list;
    }

    /**
     * The plans, as {@code explain(mode)} prints them: {@code simple} the physical plan,
     * {@code extended} the logical plans too, {@code cost} the optimized plan with each node's
     * statistics and the physical plan.
     *
     * @throws IllegalArgumentException naming an unknown mode, or one Ember does not have
     */
    String explainString(String mode) {
        String m = mode == null ? "" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (m) {
            case "simple" -> explainString(false);
            case "extended" -> explainString(true);
            case "cost" -> "== Optimized Logical Plan ==\n" + stats.treeStringWithStats(optimized())
                    + "\n== Physical Plan ==\n" + physical().treeString();
            case "codegen", "formatted" -> throw new IllegalArgumentException("Explain mode '" + mode
                    + "' is not supported by Ember; supported modes: 'simple', 'extended', 'cost'");
            default -> throw new IllegalArgumentException("Unknown explain mode: " + mode
                    + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.");
        };
    }

    /** The plans, as {@code explain()} prints them. */
    String explainString(boolean extended) {
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append("== Parsed Logical Plan ==\n").append(analyzed.treeString());
            sb.append("\n== Analyzed Logical Plan ==\n");
            List<String> cols = new ArrayList<>();
            for (var a : analyzed.output()) {
                cols.add(a.name() + ": " + a.dataType().simpleString());
            }
            sb.append(String.join(", ", cols)).append('\n').append(analyzed.treeString());
            sb.append("\n== Optimized Logical Plan ==\n").append(optimized().treeString());
            sb.append("\n== Physical Plan ==\n");
        } else {
            sb.append("== Physical Plan ==\n");
        }
        sb.append(physical().treeString());
        return sb.toString();
    }
}
