package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Expression;
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
 */
record RuntimeFilterSource(BroadcastExchangeExec exchange, List<Expression> buildKeys) {

    Broadcast<BroadcastHashJoinExec.HashedRelation> relation(ExecContext ctx) {
        return relation(ctx, exchange, buildKeys);
    }

    /** The broadcast rows and key table of {@code exchange} hashed on {@code keys}. */
    static Broadcast<BroadcastHashJoinExec.HashedRelation> relation(ExecContext ctx, BroadcastExchangeExec exchange,
                                                                    List<Expression> keys) {
        Expression[] bound = Binder.bindAll(keys, exchange.output());
        return exchange.broadcast(ctx, rows -> BroadcastHashJoinExec.hash(rows, bound));
    }

    /** How {@code explain()} names the table. */
    String describe() {
        return "the keys " + io.ember.dataframe.internal.plan.LogicalPlan.list(buildKeys) + " of a broadcast join's build side";
    }
}
