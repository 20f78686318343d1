package io.ember.dataframe.internal.plan.stats;

import static io.ember.dataframe.internal.plan.stats.TestRelations.column;
import static io.ember.dataframe.internal.plan.stats.TestRelations.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.And;
import io.ember.dataframe.internal.expressions.ArithOp;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.IsNull;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.Not;
import io.ember.dataframe.internal.expressions.Or;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.types.DataTypes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Row estimates checked against values worked out by hand from the formulas: selectivity of a
 * range is the covered share of [min, max], equality 1/(distinct count), a join
 * |L| * |R| / max(ndv(l), ndv(r)).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatsEstimatorTest {
    private final StatsEstimator stats = new StatsEstimator(true);
    private final AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
    private final RangeRelation range = new RangeRelation(0, 1000, 1, 2, id);

    private long rows(LogicalPlan plan) {
        return stats.of(plan).rowCount();
    }

    private Expression cmp(CmpOp op, Expression column, long value) {
        return new Comparison(op, column, Literal.create(value));
    }

    @Test
    void range_isExact() {
        Statistics s = stats.of(range);
        assertEquals(1000, s.rowCount());
        assertEquals(new ColumnStat(1000, 0, 999, 0, 1000), s.column(id.exprId()));
    }

    @Test
    void rangeFilter_keepsTheCoveredShareOfMinMax() {
        // id < 250 over [0, 999]: (250 - 0) / 999 of 1000 rows = 250.25, rounded up
        Filter f = new Filter(cmp(CmpOp.LT, id, 250), range);
        assertEquals(251, rows(f));
        assertEquals(250.0, stats.of(f).column(id.exprId()).max());
        // 250 >= id, the literal on the left
        assertEquals(251, rows(new Filter(new Comparison(CmpOp.GE, Literal.create(250L), id), range)));
        // id > 749: (999 - 749) / 999 -> 250.25
        assertEquals(251, rows(new Filter(cmp(CmpOp.GT, id, 749), range)));
    }

    @Test
    void conjunction_narrowsTheRangeForTheNextConjunct() {
        // id < 250 keeps 0.25025 and leaves [0, 250]; then id >= 100 keeps (250 - 100) / 250 = 0.6 of that
        Filter f = new Filter(new And(cmp(CmpOp.LT, id, 250), cmp(CmpOp.GE, id, 100)), range);
        assertEquals((long) Math.ceil(1000 * (250.0 / 999) * 0.6), rows(f));
        assertEquals(151, rows(f));
    }

    @Test
    void disjunctionAndNegation() {
        double s = 250.0 / 999;
        Filter or = new Filter(new Or(cmp(CmpOp.LT, id, 250), cmp(CmpOp.GT, id, 749)), range);
        assertEquals((long) Math.ceil(1000 * (s + s - s * s)), rows(or));
        assertEquals(438, rows(or));
        assertEquals(750, rows(new Filter(new Not(cmp(CmpOp.LT, id, 250)), range)));
    }

    @Test
    void equality_isOneOverTheDistinctCount_orNoneOutsideTheRange() {
        LocalRelation r = ints(10, List.of("k"), i -> i / 2 + 1);
        AttributeReference k = column(r, "k");
        assertEquals(2, rows(new Filter(cmp(CmpOp.EQ, k, 3), r)));
        assertEquals(1, stats.of(new Filter(cmp(CmpOp.EQ, k, 3), r)).column(k.exprId()).distinctCount());
        assertEquals(0, rows(new Filter(cmp(CmpOp.EQ, k, 9), r)));
        assertEquals(8, rows(new Filter(cmp(CmpOp.NEQ, k, 3), r)));
    }

    @Test
    void equalityOnAnExpression_isTheDefaultTenth() {
        Expression doubled = new BinaryArithmetic(ArithOp.ADD, id, id);
        assertEquals(100, rows(new Filter(new Comparison(CmpOp.EQ, doubled, Literal.create(8L)), range)));
        assertEquals(334, rows(new Filter(new Comparison(CmpOp.LT, doubled, Literal.create(8L)), range)));
    }

    @Test
    void isNull_usesTheNullCount() {
        LocalRelation r = ints(10, List.of("v"), i -> i < 3 ? null : i);
        AttributeReference v = column(r, "v");
        assertEquals(3, rows(new Filter(new IsNull(v, false), r)));
        assertEquals(7, rows(new Filter(new IsNull(v, true), r)));
        assertEquals(0, rows(new Filter(new IsNull(id, false), range)));
    }

    @Test
    void equiJoin_isTheProductOverTheLargerDistinctCount() {
        LocalRelation fact = ints(100, List.of("fk"), i -> i % 10);
        LocalRelation dim = ints(20, List.of("pk"), i -> i);
        Join j = new Join(fact, dim, JoinType.INNER,
                new Comparison(CmpOp.EQ, column(fact, "fk"), column(dim, "pk")), false, false);
        // 100 * 20 / max(10, 20)
        assertEquals(100, rows(j));
        assertEquals(10, stats.of(j).column(column(fact, "fk").exprId()).distinctCount());
        Join cross = new Join(fact, dim, JoinType.CROSS, null, false, false);
        assertEquals(2000, rows(cross));
        Join semi = new Join(fact, dim, JoinType.LEFT_SEMI,
                new Comparison(CmpOp.EQ, column(fact, "fk"), column(dim, "pk")), false, false);
        assertEquals(100, rows(semi));
    }

    @Test
    void equiJoinOnUncountedKeys_takesTheKeyAsUniqueInTheSmallerRelation() {
        LocalRelation fact = ints(100, List.of("fk"), i -> i % 10);
        LocalRelation dim = ints(20, List.of("pk"), i -> i);
        NamedExpression computed = Alias.of(new BinaryArithmetic(ArithOp.ADD, column(fact, "fk"), Literal.create(0)),
                "fk0");
        Project p = new Project(List.of(computed), fact);
        Join j = new Join(p, dim, JoinType.INNER,
                new Comparison(CmpOp.EQ, computed.toAttribute(), column(dim, "pk")), false, false);
        // 100 * 20 / min(100 rows of fact, 20 rows of dim)
        assertEquals(100, rows(j));
        Join filtered = new Join(p, new Filter(cmp(CmpOp.LT, column(dim, "pk"), 5), dim), JoinType.INNER,
                new Comparison(CmpOp.EQ, computed.toAttribute(), column(dim, "pk")), false, false);
        // pk < 5 over [0, 19] keeps 5/19 of 20 rows: 5.26 -> 6; 100 * 6 / min(100, 20)
        assertEquals(30, rows(filtered));
        Join left = new Join(p, dim, JoinType.LEFT_OUTER,
                new Comparison(CmpOp.EQ, computed.toAttribute(), column(dim, "pk")), false, false);
        assertEquals(100, rows(left));
    }

    @Test
    void aggregate_hasOneRowPerKnownGroup() {
        LocalRelation r = ints(100, List.of("g", "v"), i -> i % 7, i -> i);
        AttributeReference g = column(r, "g");
        Aggregate byG = new Aggregate(List.of(g), List.of(g), r);
        assertEquals(7, rows(byG));
        Aggregate all = new Aggregate(List.of(), List.of(), r);
        assertEquals(1, rows(all));
    }

    @Test
    void statisticsText_isSparks() {
        assertEquals("Statistics(sizeInBytes=1500.0 B, rowCount=25)",
                new Statistics(1500, 25, java.util.Map.of()).simpleString());
        assertEquals("Statistics(sizeInBytes=2.0 KiB, rowCount=6.02E+4)",
                new Statistics(2048, 60175, java.util.Map.of()).simpleString());
        assertEquals("Statistics(sizeInBytes=3.0 MiB)", Statistics.sizeOnly(3 << 20).simpleString());
        assertEquals("Statistics(sizeInBytes=1536.0 KiB)", Statistics.sizeOnly(3 << 19).simpleString());
    }

    @Test
    void sizeOnly_withoutCbo() {
        StatsEstimator sizes = new StatsEstimator(false);
        Statistics s = sizes.of(new Filter(cmp(CmpOp.LT, id, 250), range));
        assertFalse(s.hasRowCount());
        assertEquals(range.sizeInBytes(), s.sizeInBytes());
    }
}
