package io.ember.dataframe.internal.optimizer;

import io.ember.dataframe.internal.expressions.CmpOp;
import io.ember.dataframe.internal.expressions.Comparison;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.plan.Filter;
import io.ember.dataframe.internal.plan.Join;
import io.ember.dataframe.internal.plan.JoinType;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds a cheap order to join a {@link JoinGroup}'s relations, Spark's {@code JoinReorderDP}
 * after Selinger: the cost of a plan is the sum of the estimated rows of its joins below the
 * top one (the top's rows are the same for every order), plus the rows each join moves as the
 * planner will run it: a join with a side the planner broadcasts (a single relation estimated at
 * most {@code ember.sql.autoBroadcastJoinThreshold}) moves that side's rows, any other join
 * shuffles and sorts both sides. Without that term an order that meets a large table late, with
 * a small join result, looked cheaper than meeting it early in a broadcast join, though it
 * shuffled the whole table (TPC-H Q8's lineitem). Up to {@code dpThreshold} relations,
 * dynamic programming finds the cheapest plan of every connected subset from the cheapest plans
 * of its two halves, joining only halves that an equality connects, so no cartesian product is
 * made while an equi-join path exists. Beyond that, or to put unconnected parts together, the
 * greedy step joins, again and again, the two plans whose join has the fewest rows, preferring
 * pairs an equality connects, then pairs any condition connects.
 *
 * <p>Each condition goes to the lowest join that sees all its relations; one that reads a single
 * relation becomes a filter on it, one that reads none a filter on top. In each join the side
 * with more rows is the left (the build side of a hash join is then the right, smaller one).
 */
final class JoinOrderSearch {
    /** The most relations a search takes: each plan's relations are the bits of a long. */
    static final int MAX_RELATIONS = 63;

    private final StatsEstimator stats;
    private final long broadcastThreshold;
    private final List<Expression> conditions;
    private final long[] conditionMasks;
    private final List<long[]> equalities = new ArrayList<>();
    private final List<Candidate> singles = new ArrayList<>();
    private final List<Expression> unplaced = new ArrayList<>();

    /**
     * A plan of some of the relations: which ({@code mask}), its estimated rows, its cost and how
     * many of its joins have no equality between their sides.
     */
    record Candidate(LogicalPlan plan, long mask, long rows, double cost, int crossJoins) {

        boolean isJoin() {
            return Long.bitCount(mask) > 1;
        }

        /** Whether this plan is better than {@code other}: fewer joins without an equality, then a lower cost. */
        boolean betterThan(Candidate other) {
            if (crossJoins != other.crossJoins) {
                return crossJoins < other.crossJoins;
            }
            return cost < other.cost * (1 - 1e-9);
        }
    }

    /** A search over {@code group}'s relations; relations estimated at most {@code broadcastThreshold} bytes (-1: none) are broadcast. */
    JoinOrderSearch(JoinGroup group, StatsEstimator stats, long broadcastThreshold) {
        this.stats = stats;
        this.broadcastThreshold = broadcastThreshold;
        List<LogicalPlan> leaves = group.leaves();
        if (leaves.size() > MAX_RELATIONS) {
            throw new IllegalArgumentException("A join order search takes at most " + MAX_RELATIONS
                    + " relations, got " + leaves.size());
        }
        List<Set<Long>> ids = new ArrayList<>();
        for (LogicalPlan leaf : leaves) {
            ids.add(leaf.outputIds());
        }
        List<List<Expression>> leafFilters = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            leafFilters.add(new ArrayList<>());
        }
        List<Expression> multi = new ArrayList<>();
        List<Long> masks = new ArrayList<>();
        for (Expression c : group.conditions()) {
            long m = mask(c, ids);
            if (m == 0) {
                unplaced.add(c);
            } else if (Long.bitCount(m) == 1) {
                leafFilters.get(Long.numberOfTrailingZeros(m)).add(c);
            } else {
                multi.add(c);
                masks.add(m);
                if (c instanceof Comparison cmp && cmp.op() == CmpOp.EQ) {
                    long l = mask(cmp.left(), ids);
                    long r = mask(cmp.right(), ids);
                    if (l != 0 && r != 0 && (l & r) == 0) {
                        equalities.add(new long[] {l, r});
                    }
                }
            }
        }
        this.conditions = multi;
        this.conditionMasks = masks.stream().mapToLong(Long::longValue).toArray();
        for (int i = 0; i < leaves.size(); i++) {
            LogicalPlan leaf = leaves.get(i);
            if (!leafFilters.get(i).isEmpty()) {
                leaf = new Filter(Predicates.and(leafFilters.get(i)), leaf);
            }
            singles.add(new Candidate(leaf, 1L << i, stats.of(leaf).rowCount(), 0, 0));
        }
    }

    /** The conditions that read no relation, for a filter over the whole group. */
    List<Expression> unplaced() {
        return unplaced;
    }

    /** The plan of the group's original shape, with the conditions placed as this search places them. */
    Candidate evaluate(JoinGroup.Shape shape) {
        if (shape instanceof JoinGroup.Leaf leaf) {
            return singles.get(leaf.index());
        }
        JoinGroup.Pair pair = (JoinGroup.Pair) shape;
        return join(evaluate(pair.left()), evaluate(pair.right()), true);
    }

    /** The cheapest plan found: dynamic programming up to {@code dpThreshold} relations, greedy beyond. */
    Candidate best(int dpThreshold) {
        int n = singles.size();
        if (n > dpThreshold) {
            return greedy(new ArrayList<>(singles));
        }
        Candidate[] best = new Candidate[1 << n];
        for (int i = 0; i < n; i++) {
            best[1 << i] = singles.get(i);
        }
        int full = (1 << n) - 1;
        for (int mask = 3; mask <= full; mask++) {
            if (Integer.bitCount(mask) < 2) {
                continue;
            }
            int lowest = mask & -mask;
            for (int sub = (mask - 1) & mask; sub > 0; sub = (sub - 1) & mask) {
                int other = mask ^ sub;
                if ((sub & lowest) == 0 || best[sub] == null || best[other] == null || !equiConnected(sub, other)) {
                    continue;
                }
                Candidate c = join(best[sub], best[other], false);
                if (best[mask] == null || c.betterThan(best[mask])) {
                    best[mask] = c;
                }
            }
        }
        if (best[full] != null) {
            return best[full];
        }
        return greedy(components(best));
    }

    /** The cheapest plans of the parts an equality path connects, or the single relations where those are missing. */
    private List<Candidate> components(Candidate[] best) {
        int n = singles.size();
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = i;
        }
        for (long[] eq : equalities) {
            long both = eq[0] | eq[1];
            int first = Long.numberOfTrailingZeros(both);
            for (int i = 0; i < n; i++) {
                if ((both & (1L << i)) != 0) {
                    root[find(root, i)] = find(root, first);
                }
            }
        }
        long[] parts = new long[n];
        for (int i = 0; i < n; i++) {
            parts[find(root, i)] |= 1L << i;
        }
        List<Candidate> out = new ArrayList<>();
        for (long part : parts) {
            if (part == 0) {
                continue;
            }
            if (best[(int) part] != null) {
                out.add(best[(int) part]);
            } else {
                for (int i = 0; i < n; i++) {
                    if ((part & (1L << i)) != 0) {
                        out.add(singles.get(i));
                    }
                }
            }
        }
        return out;
    }

    private static int find(int[] root, int i) {
        int r = i;
        while (root[r] != r) {
            r = root[r];
        }
        return r;
    }

    /** Joins, again and again, the pair whose join has the fewest rows, connected pairs first. */
    private Candidate greedy(List<Candidate> plans) {
        while (plans.size() > 1) {
            Candidate chosen = null;
            int chosenRank = Integer.MAX_VALUE;
            int ci = -1;
            int cj = -1;
            for (int i = 0; i < plans.size(); i++) {
                for (int j = i + 1; j < plans.size(); j++) {
                    long a = plans.get(i).mask();
                    long b = plans.get(j).mask();
                    int rank = equiConnected(a, b) ? 0 : anyConnected(a, b) ? 1 : 2;
                    if (rank > chosenRank) {
                        continue;
                    }
                    Candidate c = join(plans.get(i), plans.get(j), false);
                    if (rank < chosenRank || c.rows() < chosen.rows()) {
                        chosen = c;
                        chosenRank = rank;
                        ci = i;
                        cj = j;
                    }
                }
            }
            plans.remove(cj);
            plans.remove(ci);
            plans.add(chosen);
        }
        return plans.get(0);
    }

    private boolean equiConnected(long a, long b) {
        for (long[] eq : equalities) {
            if (((eq[0] & ~a) == 0 && (eq[1] & ~b) == 0) || ((eq[0] & ~b) == 0 && (eq[1] & ~a) == 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyConnected(long a, long b) {
        for (long m : conditionMasks) {
            if ((m & ~(a | b)) == 0 && (m & a) != 0 && (m & b) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The join of {@code a} and {@code b} with the conditions that become decidable there; the
     * larger side on the left unless {@code keepSides}.
     */
    private Candidate join(Candidate a, Candidate b, boolean keepSides) {
        long both = a.mask() | b.mask();
        List<Expression> here = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            long m = conditionMasks[i];
            if ((m & ~both) == 0 && (m & ~a.mask()) != 0 && (m & ~b.mask()) != 0) {
                here.add(conditions.get(i));
            }
        }
        Candidate left = a;
        Candidate right = b;
        if (!keepSides && b.rows() > a.rows()) {
            left = b;
            right = a;
        }
        Join j = new Join(left.plan(), right.plan(), here.isEmpty() ? JoinType.CROSS : JoinType.INNER,
                Predicates.and(here), false, false);
        double cost = a.cost() + b.cost() + (a.isJoin() ? a.rows() : 0) + (b.isJoin() ? b.rows() : 0)
                + movedRows(a, b);
        int crossJoins = a.crossJoins() + b.crossJoins() + (equiConnected(a.mask(), b.mask()) ? 0 : 1);
        return new Candidate(j, both, stats.of(j).rowCount(), cost, crossJoins);
    }

    /**
     * The rows a join of {@code a} and {@code b} moves: the smaller broadcast side's, or both
     * sides' when neither is broadcast. As the planner decides it: only a single relation is
     * broadcast (a join's own estimate is not trusted that far).
     */
    private double movedRows(Candidate a, Candidate b) {
        boolean broadcastA = broadcastable(a);
        boolean broadcastB = broadcastable(b);
        if (broadcastA && broadcastB) {
            return Math.min(a.rows(), b.rows());
        }
        if (broadcastA || broadcastB) {
            return broadcastA ? a.rows() : b.rows();
        }
        return (double) a.rows() + b.rows();
    }

    private boolean broadcastable(Candidate c) {
        return !c.isJoin() && broadcastThreshold >= 0 && stats.sizeInBytes(c.plan()) <= broadcastThreshold;
    }

    private static long mask(Expression e, List<Set<Long>> ids) {
        long m = 0;
        for (Long id : e.referenceIds()) {
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).contains(id)) {
                    m |= 1L << i;
                }
            }
        }
        return m;
    }
}
