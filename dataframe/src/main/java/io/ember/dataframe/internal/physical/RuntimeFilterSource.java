package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.Broadcast;
import java.util.List;

/**
 * The key table a runtime filter probes, hashed on join keys: a broadcast hash join's build side,
 * or the keys of a shuffled join's small filtered side ({@link #ofFilteredSide}). Whoever asks
 * first (the join, or a filter built before it) makes the broadcast, once; the exchange keeps it
 * for the other ({@link BroadcastExchangeExec#broadcast}), so the side is collected once however
 * many filters probe it.
 *
 * @param exchange the join's build side, or the filtered side's keys
 * @param buildKeys the join's keys, over {@code exchange}'s output
 * @param shuffleAbove the bound on the collected side (-1: none); past it filters let every row through
 * @param origin what the keys are, as {@code explain()} names them
 */
record RuntimeFilterSource(BroadcastExchangeExec exchange, List<Expression> buildKeys, long shuffleAbove,
                           String origin) {

    /** The build side of a broadcast hash join, with the join's own bound. */
    static RuntimeFilterSource ofBroadcastJoin(BroadcastExchangeExec build, List<Expression> buildKeys,
                                               long shuffleAbove) {
        return new RuntimeFilterSource(build, buildKeys, shuffleAbove, "a broadcast join's build side");
    }

    /**
     * The values of {@code keys} (columns of {@code side}'s output) of a shuffled join's side,
     * collected up to {@code bound} bytes; {@code side} is best the join's own shuffle of that
     * side, whose output the join then reads without computing it again.
     */
    static RuntimeFilterSource ofFilteredSide(PhysicalPlan side, List<AttributeReference> keys, long bound) {
        List<NamedExpression> keyColumns = List.copyOf(keys);
        return new RuntimeFilterSource(new BroadcastExchangeExec(new ProjectExec(keyColumns, side)),
                List.copyOf(keys), bound, "a shuffled join's filtered side");
    }

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
        return "the keys " + LogicalPlan.list(buildKeys) + " of " + origin;
    }
}
