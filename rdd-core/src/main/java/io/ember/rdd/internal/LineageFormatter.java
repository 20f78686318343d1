package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.vavr.collection.List;

/**
 * Prints lineage exactly the way Spark's {@code RDD.toDebugString} does: the partition count
 * {@code (n)} at the top and at every shuffle, {@code +-} where a shuffle dependency starts the
 * parent stage, {@code |} down a stage's narrow chain, and the storage level in brackets.
 */
public final class LineageFormatter {
    private LineageFormatter() {
    }

    /** The lineage of {@code rdd}, one line per RDD. */
    public static String format(RDD<?> rdd) {
        RDD<?> top = unwrap(rdd);
        String count = "(" + top.getNumPartitions() + ")";
        int leftOffset = (count.length() - 1) / 2;
        String nextPrefix = " ".repeat(leftOffset) + "|" + " ".repeat(count.length() - leftOffset);
        StringBuilder out = new StringBuilder();
        out.append(count).append(' ').append(describe(top)).append('\n');
        children(top, nextPrefix, out);
        return out.toString().stripTrailing();
    }

    private static void children(RDD<?> rdd, String prefix, StringBuilder out) {
        List<Dependency<?>> deps = rdd.dependencies();
        for (int i = 0; i < deps.size(); i++) {
            Dependency<?> dep = deps.get(i);
            print(unwrap(dep.rdd()), prefix, dep instanceof ShuffleDependency, i == deps.size() - 1, out);
        }
    }

    private static void print(RDD<?> rdd, String prefix, boolean shuffle, boolean lastChild, StringBuilder out) {
        if (!shuffle) {
            out.append(prefix).append(describe(rdd)).append('\n');
            children(rdd, prefix, out);
            return;
        }
        String count = "(" + rdd.getNumPartitions() + ")";
        int leftOffset = (count.length() - 1) / 2;
        String thisPrefix = prefix.replaceAll("\\|\\s+$", "");
        String nextPrefix = thisPrefix + (lastChild ? "  " : "| ") + " ".repeat(leftOffset) + "|"
                + " ".repeat(count.length() - leftOffset);
        out.append(thisPrefix).append("+-").append(count).append(' ').append(describe(rdd)).append('\n');
        children(rdd, nextPrefix, out);
    }

    private static String describe(RDD<?> rdd) {
        return rdd + " [" + rdd.storageDescription() + "]";
    }

    private static RDD<?> unwrap(RDD<?> rdd) {
        RDD<?> r = rdd;
        while (r instanceof PairRDDView<?, ?> || r instanceof DoubleRDDView) {
            r = r instanceof DoubleRDDView doubles ? doubles.viewed() : ((PairRDDView<?, ?>) r).viewed();
        }
        return r;
    }
}
