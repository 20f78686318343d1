package io.ember.dataframe.internal.optimizer;

import static io.ember.dataframe.internal.plan.stats.TestRelations.column;
import static io.ember.dataframe.internal.plan.stats.TestRelations.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Regression: TPC-H Q7's self-join of nation grew its derived filter by one copy per optimizer round. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InferFiltersFromOrJoinConditionTest {

    @Test
    void filterDerivedForARenamedSide_isAddedOnce() {
        LocalRelation nation = ints(25, List.of("key", "name"), i -> i, i -> i % 5);
        AttributeReference key = column(nation, "key");
        AttributeReference name = column(nation, "name");
        Alias key2 = (Alias) Alias.of(key, "key");
        Alias name2 = (Alias) Alias.of(name, "name");
        LogicalPlan renamed = new Project(List.<NamedExpression>of(key2, name2), nation);
        Expression or = new Or(
                new And(eq(name, 1), eq(name2.toAttribute(), 2)),
                new And(eq(name, 2), eq(name2.toAttribute(), 1)));
        Join join = new Join(nation, renamed, JoinType.INNER,
                new And(new Comparison(CmpOp.NEQ, key, key2.toAttribute()), or), false, false);
        String plan = new Optimizer(Set.of()).optimize(join).treeString();
        // the join's own OR, and one derived OR per side
        assertEquals(3, plan.split(" OR ", -1).length - 1, plan);
    }

    private static Expression eq(Expression column, int value) {
        return new Comparison(CmpOp.EQ, column, Literal.create(value));
    }
}
