package io.ember.dataframe.internal.optimizer;

import static io.ember.dataframe.internal.plan.stats.TestRelations.column;
import static io.ember.dataframe.internal.plan.stats.TestRelations.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The order the cost-based reorder picks on small star and chain schemas whose estimates are
 * exact (local relations: counted rows and distinct values), checked against the cheapest order
 * worked out by hand: cost = the rows of every join below the top one, a join's rows
 * |L| * |R| / max(ndv(l), ndv(r)), plus the rows each join moves. Unless a test says otherwise
 * nothing is broadcast (threshold -1), so every join moves both its sides.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JoinReorderTest {
    private final Map<LogicalPlan, String> names = new IdentityHashMap<>();

    private LocalRelation relation(String name, int rows, List<String> columns,
                                   java.util.function.IntFunction<Integer>... values) {
        LocalRelation r = ints(rows, columns, values);
        names.put(r, name);
        return r;
    }

    private static Expression eq(LocalRelation a, String x, LocalRelation b, String y) {
        return new Comparison(CmpOp.EQ, column(a, x), column(b, y));
    }

    /** The join tree as nested parentheses of relation names, left side first. */
    private String shape(LogicalPlan p) {
        if (names.containsKey(p)) {
            return names.get(p);
        }
        if (p instanceof Join j) {
            return "(" + shape(j.left()) + " " + shape(j.right()) + ")";
        }
        if (p instanceof Project || p instanceof Filter) {
            return shape(p.children().get(0));
        }
        throw new AssertionError("unexpected node " + p.nodeString());
    }

    /** FROM-order left-deep tree of cross joins with every condition on the top join. */
    private static Join writtenOrder(List<LogicalPlan> relations, List<Expression> conditions) {
        LogicalPlan tree = relations.get(0);
        for (int i = 1; i < relations.size() - 1; i++) {
            tree = new Join(tree, relations.get(i), JoinType.CROSS, null, false, false);
        }
        return new Join(tree, relations.get(relations.size() - 1), JoinType.INNER, Predicates.and(conditions),
                false, false);
    }

    private static ReorderInnerJoins rule(int dpThreshold) {
        return rule(dpThreshold, -1);
    }

    private static ReorderInnerJoins rule(int dpThreshold, long broadcastThreshold) {
        return new ReorderInnerJoins(new JoinReorderSettings(true, dpThreshold, broadcastThreshold),
                new StatsEstimator(true));
    }

    @Test
    void bigTableMetLateWithoutBroadcast_isMetEarlyInBroadcastJoinsWhenDimensionsAreBroadcast() {
        // F: 1000 rows (p: 100 values, o: 500); P: 50 keys of p; O: 500 keys (c: 50 values); C: 5 keys of c.
        LocalRelation fact = relation("F", 1000, List.of("p", "o"), i -> i % 100 + 1, i -> i % 500 + 1);
        LocalRelation part = relation("P", 50, List.of("k"), i -> i + 1);
        LocalRelation orders = relation("O", 500, List.of("k", "c"), i -> i + 1, i -> i % 50 + 1);
        LocalRelation customer = relation("C", 5, List.of("k"), i -> i + 1);
        List<Expression> conditions = List.of(eq(fact, "p", part, "k"), eq(fact, "o", orders, "k"),
                eq(orders, "c", customer, "k"));
        // Rows: F.P = 1000*50/100 = 500, O.C = 500*5/50 = 50, (O.C).F = 50*1000/500 = 100.
        // Nothing broadcast: ((F (O C)) P) costs rows 50 + 100 plus moved (500+5) + (1000+50) + (100+50) = 1855;
        // ((F P) (O C)) rows 500 + 50 plus moved (1000+50) + (500+5) + (500+50) = 2655.
        assertEquals("((F (O C)) P)", shape(rule(12).apply(writtenOrder(List.of(part, customer, fact, orders),
                conditions))));
        // P and C broadcast, O and F not: the first moves 5 + (1000+50) + 50, 1255 in all; the second
        // 50 + 5 + (500+50), 1155 in all: F meets P in a broadcast join instead of being shuffled.
        StatsEstimator stats = new StatsEstimator(true);
        long threshold = Math.max(stats.sizeInBytes(part), stats.sizeInBytes(customer));
        assertTrue(threshold < stats.sizeInBytes(orders) && threshold < stats.sizeInBytes(fact));
        assertEquals("((F P) (O C))", shape(rule(12, threshold).apply(writtenOrder(List.of(part, customer, fact, orders),
                conditions))));
    }

    @Test
    void star_joinsTheMostSelectiveDimensionsFirst() {
        // fact: 1000 rows; d1 (1..10, 10 values) matches dim1's 5 keys, d2 (100 values) dim2's 20, d3 (50) dim3's 50
        LocalRelation fact = relation("F", 1000, List.of("d1", "d2", "d3"), i -> i % 10 + 1, i -> i % 100 + 1,
                i -> i % 50 + 1);
        LocalRelation dim1 = relation("D1", 5, List.of("k1"), i -> i + 1);
        LocalRelation dim2 = relation("D2", 20, List.of("k2"), i -> i + 1);
        LocalRelation dim3 = relation("D3", 50, List.of("k3"), i -> i + 1);
        Join written = writtenOrder(List.of(dim3, dim1, fact, dim2),
                List.of(eq(fact, "d1", dim1, "k1"), eq(fact, "d2", dim2, "k2"), eq(fact, "d3", dim3, "k3")));
        // F.D2 = 1000*20/100 = 200; then D1: 200*5/10 = 100; then D3 on top. Cost 300; D1 first costs
        // 500 + 100, D3 first 1000 + ..., F.D2 then D3 200 + 200: the order below is the only one at 300.
        LogicalPlan reordered = rule(12).apply(written);
        assertEquals("(((F D2) D1) D3)", shape(reordered));
        assertEquals(written.output(), reordered.output());
    }

    @Test
    void chain_takesTheBushyPlanWhenItIsCheapest() {
        LocalRelation r1 = relation("R1", 10, List.of("x"), i -> i + 1);
        LocalRelation r2 = relation("R2", 1000, List.of("x", "y"), i -> i % 10 + 1, i -> i % 100 + 1);
        LocalRelation r3 = relation("R3", 100, List.of("y", "z"), i -> i + 1, i -> i % 5 + 1);
        LocalRelation r4 = relation("R4", 10, List.of("z"), i -> i % 2 + 1);
        Join written = writtenOrder(List.of(r1, r4, r2, r3),
                List.of(eq(r1, "x", r2, "x"), eq(r2, "y", r3, "y"), eq(r3, "z", r4, "z")));
        // R1.R2 = 10*1000/10 = 1000, R2.R3 = 1000*100/100 = 1000, R3.R4 = 100*10/5 = 200,
        // R1R2R3 = 1000, R2R3R4 = 1000*10/5 = 2000. Rows below the top: ((R1R2)R3)R4 2000, (R1(R2R3))R4
        // 2000, (R1R2)(R3R4) 1200, R1((R2R3)R4) 3000, R1(R2(R3R4)) 2200; plus the rows moved: 3120,
        // 3120, 2320, 4120, 3320.
        LogicalPlan reordered = rule(12).apply(written);
        assertEquals("((R2 R1) (R3 R4))", shape(reordered));
        assertEquals(written.output(), reordered.output());
    }

    @Test
    void chainBeyondTheDpThreshold_isOrderedGreedily_withoutCartesianProducts() {
        LocalRelation r1 = relation("R1", 10, List.of("x"), i -> i + 1);
        LocalRelation r2 = relation("R2", 1000, List.of("x", "y"), i -> i % 10 + 1, i -> i % 100 + 1);
        LocalRelation r3 = relation("R3", 100, List.of("y", "z"), i -> i + 1, i -> i % 5 + 1);
        LocalRelation r4 = relation("R4", 10, List.of("z"), i -> i % 2 + 1);
        Join written = writtenOrder(List.of(r1, r4, r2, r3),
                List.of(eq(r1, "x", r2, "x"), eq(r2, "y", r3, "y"), eq(r3, "z", r4, "z")));
        // Greedy: the fewest rows first, R3.R4 (200); then R1.R2 (1000, against R2.(R3R4) 2000); then both.
        LogicalPlan reordered = rule(2).apply(written);
        assertEquals("((R2 R1) (R3 R4))", shape(reordered));
        assertTrue(crossJoins(reordered).isEmpty(), reordered.treeString());
    }

    @Test
    void unconnectedRelation_isCrossJoinedOnceAtTheTop() {
        LocalRelation a = relation("A", 100, List.of("k"), i -> i);
        LocalRelation b = relation("B", 10, List.of("k"), i -> i);
        LocalRelation c = relation("C", 3, List.of("v"), i -> i);
        Join written = writtenOrder(List.of(a, c, b), List.of(eq(a, "k", b, "k")));
        LogicalPlan reordered = rule(12).apply(written);
        assertEquals("((A B) C)", shape(reordered));
        assertEquals(1, crossJoins(reordered).size());
    }

    @Test
    void goodOrder_isLeftAsItIs() {
        LocalRelation r1 = relation("R1", 10, List.of("x"), i -> i + 1);
        LocalRelation r2 = relation("R2", 1000, List.of("x", "y"), i -> i % 10 + 1, i -> i % 100 + 1);
        LocalRelation r3 = relation("R3", 100, List.of("y", "z"), i -> i + 1, i -> i % 5 + 1);
        LocalRelation r4 = relation("R4", 10, List.of("z"), i -> i % 2 + 1);
        Join written = writtenOrder(List.of(r1, r4, r2, r3),
                List.of(eq(r1, "x", r2, "x"), eq(r2, "y", r3, "y"), eq(r3, "z", r4, "z")));
        ReorderInnerJoins rule = rule(12);
        LogicalPlan once = rule.apply(written);
        Join top = (Join) once.children().get(0);
        assertSame(top, rule.apply(top));
    }

    @Test
    void costBasedOff_onlyAvoidsCartesianProducts() {
        LocalRelation r1 = relation("R1", 10, List.of("x"), i -> i + 1);
        LocalRelation r2 = relation("R2", 1000, List.of("x", "y"), i -> i % 10 + 1, i -> i % 100 + 1);
        LocalRelation r3 = relation("R3", 100, List.of("y", "z"), i -> i + 1, i -> i % 5 + 1);
        LocalRelation r4 = relation("R4", 10, List.of("z"), i -> i % 2 + 1);
        Join written = writtenOrder(List.of(r1, r4, r2, r3),
                List.of(eq(r1, "x", r2, "x"), eq(r2, "y", r3, "y"), eq(r3, "z", r4, "z")));
        ReorderInnerJoins greedy = new ReorderInnerJoins(new JoinReorderSettings(false, 12), new StatsEstimator(true));
        LogicalPlan reordered = greedy.apply(written);
        assertEquals("(((R1 R2) R3) R4)", shape(reordered));
        assertTrue(crossJoins(reordered).isEmpty(), reordered.treeString());
    }

    @Test
    void longChainsWrittenOutOfOrder_areJoinedAlongTheChain_byDpAndGreedily() {
        for (int n : new int[] {12, 14}) {
            List<LocalRelation> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int rows = 10 + (i * 37) % 50;
                chain.add(relation("R" + i, rows, List.of("x", "y"), r -> r, r -> r % 7));
            }
            List<Expression> conditions = new ArrayList<>();
            for (int i = 0; i + 1 < n; i++) {
                conditions.add(eq(chain.get(i), "y", chain.get(i + 1), "x"));
            }
            List<LogicalPlan> written = new ArrayList<>();
            for (int i = 0; i < n; i += 2) {
                written.add(chain.get(i));
            }
            for (int i = 1; i < n; i += 2) {
                written.add(chain.get(i));
            }
            LogicalPlan reordered = rule(12).apply(writtenOrder(written, conditions));
            assertTrue(crossJoins(reordered).isEmpty(), n + " relations:\n" + reordered.treeString());
            assertEquals(n - 1, innerJoins(reordered), reordered.treeString());
        }
    }

    private static int innerJoins(LogicalPlan p) {
        int n = p instanceof Join j && j.joinType() == JoinType.INNER ? 1 : 0;
        for (LogicalPlan c : p.children()) {
            n += innerJoins(c);
        }
        return n;
    }

    private static List<Join> crossJoins(LogicalPlan p) {
        List<Join> out = new ArrayList<>();
        if (p instanceof Join j && j.joinType() == JoinType.CROSS) {
            out.add(j);
        }
        for (LogicalPlan c : p.children()) {
            out.addAll(crossJoins(c));
        }
        return out;
    }
}
