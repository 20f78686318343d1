package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.TaskContext;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rand(seed)} (uniform in [0, 1)) or {@code randn(seed)} (standard normal), as Spark
 * computes them: each partition draws from its own generator seeded with {@code seed +
 * partition index}, row after row, so a query gives the same numbers every time its partitions
 * hold the same rows in the same order.
 *
 * <p>Design notes. An expression is evaluated batch by batch, so the generator must outlive one
 * batch: each task thread keeps the generators of the calls it evaluates (by identity, so two
 * {@code rand(1)} calls in one projection each have their own, as in Spark) and starts afresh when
 * the thread runs another task. Outside a task (no partition known) partition 0 is assumed.
 */
public record Rand(long seed, boolean gaussian) implements LeafExpression {
    private static final ThreadLocal<Generators> GENERATORS = ThreadLocal.withInitial(Generators::new);

    /** The generators of the task a thread runs. */
    private static final class Generators {
        private Object task;
        private final Map<Rand, XorShiftRandom> byCall = new IdentityHashMap<>();
    }

    @Override
    public DataType dataType() {
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        XorShiftRandom random = generator();
        int n = input.numRows;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = gaussian ? random.nextGaussian() : random.nextDouble();
        }
        return ColumnVector.ofDoubles(DataTypes.DoubleType, values, null, n);
    }

    private XorShiftRandom generator() {
        TaskContext task = TaskContext.current().getOrNull();
        Generators g = GENERATORS.get();
        if (g.task != task) {
            g.task = task;
            g.byCall.clear();
        }
        int partition = task == null ? 0 : task.partitionId();
        return g.byCall.computeIfAbsent(this, r -> new XorShiftRandom(seed + partition));
    }

    @Override
    public String render(List<String> c) {
        return (gaussian ? "randn(" : "rand(") + seed + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
