package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.Broadcast;
import java.util.List;

/**
 * The key table a runtime filter probes: a broadcast hash join's build side, hashed on its join
 * keys. Whoever asks first (the join, or a filter built before it) makes the broadcast, once;
 * the exchange keeps it for the other ({@link BroadcastExchangeExec#broadcast}), so the build
 * side is computed once however many filters probe it.
 *
 * @param exchange the join's build side
 * @param buildKeys the join's build keys, over {@code exchange}'s output
 * @param shuffleAbove the join's bound on its build side (-1: none)
 */
record RuntimeFilterSource(BroadcastExchangeExec exchange, List<Expression> buildKeys, long shuffleAbove) {

    /**
     * The broadcast rows and key table of the build side, or null when the join found them larger
     * than its bound and shuffles instead (a filter then lets every row through).
     */
    Broadcast<BroadcastHashJoinExec.HashedRelation> relation(ExecContext ctx) {
        Expression[] bound = Binder.bindAll(buildKeys, exchange.output());
        return exchange.broadcast(ctx, rows -> BroadcastHashJoinExec.hash(rows, bound), shuffleAbove);
    }

    /** How {@code explain()} names the table. */
    String describe() {
        return "the keys " + LogicalPlan.list(buildKeys) + " of a broadcast join's build side";
    }
}
