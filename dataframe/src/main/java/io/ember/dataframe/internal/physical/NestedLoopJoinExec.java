package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.types.DataType;
import io.ember.rdd.Broadcast;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Join without equality keys: one side is broadcast (once per executor, see
 * {@link BroadcastExchangeExec}) and every row of the other is paired with
 * each of its rows, the condition deciding. The right side is built except for right outer
 * joins; a full outer join reads the streamed side in a single partition so that unmatched rows
 * of both sides are known.
 */
public final class NestedLoopJoinExec extends JoinExec {
    private static final int MAX_PAIRS = 1 << 20;
    private final boolean buildRight;

    public NestedLoopJoinExec(boolean buildRight, JoinType joinType, Expression condition, PhysicalPlan left,
                              PhysicalPlan right, List<AttributeReference> output) {
        super(left, right, joinType, condition, output);
        this.buildRight = buildRight;
    }

    @Override
    public PhysicalPlan withNewChildren(List<PhysicalPlan> c) {
        return new NestedLoopJoinExec(buildRight, joinType, condition, c.get(0), c.get(1), output);
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        Distribution stream = joinType == JoinType.FULL_OUTER ? new Distribution.AllTuples()
                : new Distribution.Unspecified();
        return buildRight ? List.of(stream, new Distribution.Broadcast())
                : List.of(new Distribution.Broadcast(), stream);
    }

    @Override
    public String nodeString() {
        return "BroadcastNestedLoopJoin " + (buildRight ? "BuildRight" : "BuildLeft") + ", " + joinType.display()
                + conditionText();
    }

    @Override
    protected RDD<ColumnBatch> doExecute(ExecContext ctx) {
        PhysicalPlan buildPlan = buildRight ? right : left;
        PhysicalPlan streamPlan = buildRight ? left : right;
        Broadcast<ColumnBatch> rows = ((BroadcastExchangeExec) buildPlan).broadcast(ctx, b -> b);
        Expression residual = boundCondition();
        JoinType type = joinType;
        boolean br = buildRight;
        List<DataType> streamTypes = streamPlan.outputTypes();
        boolean whole = joinType == JoinType.FULL_OUTER;
        return streamPlan.execute(ctx).mapPartitions(it -> {
            ColumnBatch relation = rows.value();
            Iterator<ColumnBatch> input = whole ? List.of(Batches.drain(it, streamTypes)).iterator() : it;
            List<ColumnBatch> out = new ArrayList<>();
            while (input.hasNext()) {
                ColumnBatch b = input.next();
                int chunk = whole ? Math.max(1, b.numRows) : Math.max(1, MAX_PAIRS / Math.max(1, relation.numRows));
                for (int from = 0; from < b.numRows || (from == 0 && whole); from += chunk) {
                    ColumnBatch part = b.numRows == 0 ? b : b.slice(from, Math.min(b.numRows, from + chunk));
                    ColumnBatch r = loop(part, relation, br, type, residual);
                    if (r.numRows > 0) {
                        out.add(r);
                    }
                    if (b.numRows == 0) {
                        break;
                    }
                }
            }
            return out.iterator();
        });
    }

    static ColumnBatch loop(ColumnBatch stream, ColumnBatch build, boolean buildRight, JoinType type,
                            Expression residual) {
        int m = stream.numRows * build.numRows;
        int[] s = new int[m];
        int[] b = new int[m];
        int k = 0;
        for (int i = 0; i < stream.numRows; i++) {
            for (int j = 0; j < build.numRows; j++) {
                s[k] = i;
                b[k] = j;
                k++;
            }
        }
        return buildRight ? JoinCore.join(stream, build, s, b, m, type, residual)
                : JoinCore.join(build, stream, b, s, m, type, residual);
    }
}
