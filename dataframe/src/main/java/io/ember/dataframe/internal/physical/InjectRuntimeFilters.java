package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places {@link RuntimeFilterExec}s: rows that a join would drop for want of a matching key are
 * dropped where they are read instead, before the shuffles, aggregations and joins below that join.
 * Two cases, both driven by the key table of a broadcast hash join whose build side is filtered
 * (a {@link RuntimeFilterSource}):
 * <ul>
 *   <li>that join's own stream side, if the join drops unmatched stream rows (inner; left semi
 *       building right): a filtered {@code part} joined to {@code lineitem} grouped by part key
 *       groups only the lines of the parts that remain;</li>
 *   <li>across a join above it: a column known to hold only that table's keys (the stream key
 *       of such a join, what it equals by an inner join, and what keeps it through projections,
 *       filters and grouping) joined by equality to a side whose unmatched rows the join drops
 *       (either side of an inner join, the right side of a left outer, semi or anti join): that
 *       side needs only rows with those keys. A correlated subquery's aggregation, joined back to
 *       a filtered outer query, then aggregates only the groups the outer query can match.</li>
 * </ul>
 * A third kind comes from a shuffled join (one that could not broadcast), when one side is
 * filtered and its keys are estimated within four times the broadcast threshold: that side's keys
 * are collected from its shuffle output first and filter the other side, if the join drops its
 * unmatched rows. The orders of one quarter, semi-joined to all line items, then shuffle only
 * their own lines. Past that bound the keys are not collected further and the filter lets every
 * row through.
 *
 * <p>A filter goes as deep as its keys can be followed: through deterministic projections that keep
 * or rename them, deterministic filters, sorts, shuffles, the grouping keys of aggregations, and
 * into the side of a join they come from when that side's rows are not null-extended. It is placed
 * only where it saves work: below at least one shuffle, sort, aggregation or join, or at a file
 * scan. A scan that evaluates conditions (Parquet) takes the filter itself, with its late filters,
 * and decodes its other columns only for the rows that pass; there the filter never stops, as it
 * costs one probe of the key columns per row and no copy. An unfiltered build side usually holds every key of the other side (a foreign key
 * joined to its table), so it makes no filter; and each task stops filtering when nearly every row
 * passes ({@link RuntimeFilterExec}).
 *
 * <p>Runs bottom-up on the physical plan once its exchanges are in place
 * ({@link EnsureRequirements}). A filter refers to its source's exchange, so no exchange is rebuilt
 * after a filter refers to it: a path only enters the build side of the join being handled, before
 * that join's own filters are made. {@code ember.sql.optimizer.runtimeFilter.enabled=false} turns
 * it off.
 */
public final class InjectRuntimeFilters {
    /** Whether scans that evaluate conditions take the filters ({@code ember.sql.parquet.lateMaterialization.enabled}). */
    private final boolean intoScans;
    /**
     * The most bytes of keys collected from a shuffled join's filtered side to filter its other
     * side (past it the filter lets every row through); a side whose keys are estimated within it
     * is collected. Negative: none is.
     */
    private final long keysBound;

    private InjectRuntimeFilters(boolean intoScans, long keysBound) {
        this.intoScans = intoScans;
        this.keysBound = keysBound;
    }

    /**
     * {@code plan} with runtime filters where they pay; {@code intoScans}: scans that evaluate
     * conditions take them, else a {@link RuntimeFilterExec} goes above the scan; {@code keysBound}:
     * the most bytes of keys collected from a shuffled join's filtered side to filter its other
     * side (negative: none are).
     */
    public static PhysicalPlan apply(PhysicalPlan plan, boolean intoScans, long keysBound) {
        InjectRuntimeFilters rule = new InjectRuntimeFilters(intoScans, keysBound);
        return plan.transformUp(node -> node instanceof JoinExec j ? rule.inject(j) : node);
    }

    private PhysicalPlan inject(JoinExec join) {
        PhysicalPlan left = join.left;
        PhysicalPlan right = join.right;
        JoinType t = join.joinType;
        // Across: a side whose unmatched rows the join drops, filtered by the other side's known keys.
        boolean dropsUnmatchedLeft = t == JoinType.INNER;
        boolean dropsUnmatchedRight = t == JoinType.INNER || t == JoinType.LEFT_OUTER || t.leftOnly();
        if (dropsUnmatchedRight) {
            right = across(right, join.rightKeys(), guarantees(left), join.leftKeys(), right);
        }
        if (dropsUnmatchedLeft) {
            left = across(left, join.leftKeys(), guarantees(right), join.rightKeys(), left);
        }
        JoinExec current = left == join.left && right == join.right ? join
                : (JoinExec) join.withNewChildren(List.of(left, right));
        if (current instanceof ShuffledHashJoinExec || current instanceof SortMergeJoinExec) {
            return fromFilteredSide(current);
        }
        // Own: a broadcast join's stream side, filtered by its (filtered) build side's keys.
        if (current instanceof BroadcastHashJoinExec b && ownFilterApplies(b)) {
            PhysicalPlan build = b.buildRight() ? b.right : b.left;
            List<AttributeReference> streamKeys = columns(b.buildRight() ? b.leftKeys() : b.rightKeys());
            RuntimeFilterSource source = b.runtimeFilterSource();
            PhysicalPlan stream = b.buildRight() ? b.left : b.right;
            PhysicalPlan placed = streamKeys == null ? null : place(stream, streamKeys, source, false);
            if (placed != null) {
                return (PhysicalPlan) b.withNewChildren(b.buildRight() ? List.of(placed, build) : List.of(build, placed));
            }
        }
        return current;
    }

    /**
     * A shuffled join one of whose sides is filtered and whose keys there are estimated within
     * {@link #keysBound}: the other side, if the join drops its unmatched rows, filtered by that side's keys.
     * The keys are collected from the small side's shuffle output, which the join then reads as
     * it is (a finished shuffle is not run again), so the small side is computed once, before the
     * other. When both sides qualify, the one with at most half the other's keys is the source;
     * never both, as each would wait for the other.
     */
    private PhysicalPlan fromFilteredSide(JoinExec join) {
        JoinKeySizes sizes = join instanceof ShuffledHashJoinExec s ? s.keySizes() : ((SortMergeJoinExec) join).keySizes();
        boolean leftSmall = smallAndFiltered(join.left, sizes.left());
        boolean rightSmall = smallAndFiltered(join.right, sizes.right());
        if (leftSmall && rightSmall) {
            // The side with clearly fewer keys filters the other; sides alike filter each other little.
            leftSmall = sizes.left() <= sizes.right() / 2;
            rightSmall = sizes.right() <= sizes.left() / 2;
        }
        if (leftSmall == rightSmall) {
            return join;
        }
        boolean leftSource = leftSmall;
        JoinType t = join.joinType;
        boolean otherDropsUnmatched = leftSource ? t == JoinType.INNER || t == JoinType.LEFT_OUTER || t.leftOnly()
                : t == JoinType.INNER || t == JoinType.RIGHT_OUTER || t == JoinType.LEFT_SEMI;
        List<AttributeReference> sourceKeys = columns(leftSource ? join.leftKeys() : join.rightKeys());
        List<AttributeReference> otherKeys = columns(leftSource ? join.rightKeys() : join.leftKeys());
        PhysicalPlan other = leftSource ? join.right : join.left;
        if (!otherDropsUnmatched || sourceKeys == null || otherKeys == null || filteredOn(other, otherKeys)) {
            return join;
        }
        PhysicalPlan sourceSide = leftSource ? join.left : join.right;
        RuntimeFilterSource source = RuntimeFilterSource.ofFilteredSide(shuffleOutput(sourceSide), sourceKeys,
                keysBound);
        PhysicalPlan placed = place(other, otherKeys, source, false);
        if (placed == null) {
            return join;
        }
        return join.withNewChildren(leftSource ? List.of(join.left, placed) : List.of(placed, join.right));
    }

    /**
     * Whether a runtime filter in {@code plan} already probes with one of {@code keys}: most of what
     * another filter on them would drop is gone, and collecting its keys would make the other side
     * run first for little.
     */
    private static boolean filteredOn(PhysicalPlan plan, List<AttributeReference> keys) {
        List<AttributeReference> probed = plan instanceof RuntimeFilterExec r ? r.keys()
                : plan instanceof FileScanExec scan ? scan.runtimeFilterKeys() : List.of();
        for (AttributeReference p : probed) {
            if (indexOf(keys, p) >= 0) {
                return true;
            }
        }
        for (PhysicalPlan c : plan.children()) {
            if (filteredOn(c, keys)) {
                return true;
            }
        }
        return false;
    }

    private boolean smallAndFiltered(PhysicalPlan side, long estimate) {
        return keysBound >= 0 && estimate >= 0 && estimate <= keysBound && filtered(side);
    }

    /** The shuffle a join side reads (below the sort of a sort-merge join), or the side itself if it has none. */
    private static PhysicalPlan shuffleOutput(PhysicalPlan side) {
        if (side instanceof SortExec && side.children().get(0) instanceof ShuffleExchangeExec exchange) {
            return exchange;
        }
        return side;
    }

    private static boolean ownFilterApplies(BroadcastHashJoinExec b) {
        boolean dropsUnmatchedStream = b.joinType == JoinType.INNER || (b.joinType == JoinType.LEFT_SEMI && b.buildRight());
        return dropsUnmatchedStream && filtered(b.buildRight() ? b.right : b.left);
    }

    /**
     * {@code side} filtered on the first of its keys whose partner in the other side holds only
     * the keys of a known table ({@code known}); {@code unchanged} when none does or no place pays.
     */
    private PhysicalPlan across(PhysicalPlan side, List<Expression> sideKeys, Map<Long, RuntimeFilterSource> known,
                                       List<Expression> otherKeys, PhysicalPlan unchanged) {
        for (int i = 0; i < sideKeys.size(); i++) {
            if (sideKeys.get(i) instanceof AttributeReference key && otherKeys.get(i) instanceof AttributeReference other
                    && known.containsKey(other.exprId())) {
                PhysicalPlan placed = place(side, List.of(key), known.get(other.exprId()), false);
                if (placed != null) {
                    return placed;
                }
            }
        }
        return unchanged;
    }

    /**
     * The columns of {@code plan}'s output that hold only the keys of a known table, each with
     * that table: the stream key of a broadcast join that makes a filter of its own, what an
     * inner join equates to such a column, and what keeps them unchanged above.
     */
    static Map<Long, RuntimeFilterSource> guarantees(PhysicalPlan plan) {
        Map<Long, RuntimeFilterSource> out = new HashMap<>();
        if (plan instanceof FilterExec || plan instanceof SortExec || plan instanceof ShuffleExchangeExec
                || plan instanceof RuntimeFilterExec || plan instanceof BroadcastExchangeExec) {
            out.putAll(guarantees(plan.children().get(0)));
        } else if (plan instanceof ProjectExec p) {
            Map<Long, RuntimeFilterSource> below = guarantees(p.children().get(0));
            for (NamedExpression e : p.projectList()) {
                AttributeReference source = column(e);
                if (source != null && below.containsKey(source.exprId())) {
                    out.put(e.toAttribute().exprId(), below.get(source.exprId()));
                }
            }
        } else if (plan instanceof HashAggregateExec a) {
            Map<Long, RuntimeFilterSource> below = guarantees(a.children().get(0));
            for (AttributeReference g : a.output()) {
                List<AttributeReference> input = throughGrouping(a, List.of(g));
                if (input != null && below.containsKey(input.get(0).exprId())) {
                    out.put(g.exprId(), below.get(input.get(0).exprId()));
                }
            }
        } else if (plan instanceof JoinExec j) {
            JoinType t = j.joinType;
            if (t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER) {
                out.putAll(guarantees(j.left));
            }
            if (t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.RIGHT_OUTER) {
                out.putAll(guarantees(j.right));
            }
            if (j instanceof BroadcastHashJoinExec b && ownFilterApplies(b) && b.leftKeys().size() == 1) {
                Expression streamKey = b.buildRight() ? b.leftKeys().get(0) : b.rightKeys().get(0);
                if (streamKey instanceof AttributeReference k) {
                    out.put(k.exprId(), b.runtimeFilterSource());
                }
            }
            if (t == JoinType.INNER) {
                for (int i = 0; i < j.leftKeys().size(); i++) {
                    if (j.leftKeys().get(i) instanceof AttributeReference l && j.rightKeys().get(i) instanceof AttributeReference r) {
                        if (out.containsKey(l.exprId())) {
                            out.putIfAbsent(r.exprId(), out.get(l.exprId()));
                        } else if (out.containsKey(r.exprId())) {
                            out.put(l.exprId(), out.get(r.exprId()));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code node} with a filter on {@code keys} (columns of its output) as deep as they can be
     * followed, or null where no place below the join saves work ({@code pastWork}: a shuffle,
     * sort, aggregation or join lies between the join and {@code node}).
     */
    private PhysicalPlan place(PhysicalPlan node, List<AttributeReference> keys, RuntimeFilterSource source,
                                      boolean pastWork) {
        int side = -1;
        List<AttributeReference> below = null;
        boolean work = pastWork;
        if (node instanceof ProjectExec p) {
            side = 0;
            below = deterministic(p.projectList()) ? throughProjection(p.projectList(), keys) : null;
        } else if (node instanceof FilterExec f) {
            side = 0;
            below = f.condition().deterministic() ? keys : null;
        } else if (node instanceof BroadcastExchangeExec && !pastWork) {
            // the build side of the join being handled: no filter refers to its exchange yet
            side = 0;
            below = keys;
        } else if (node instanceof SortExec || node instanceof ShuffleExchangeExec) {
            side = 0;
            below = keys;
            work = true;
        } else if (node instanceof HashAggregateExec a) {
            side = 0;
            below = throughGrouping(a, keys);
            work = true;
        } else if (node instanceof JoinExec j) {
            side = sideOf(j, keys);
            PhysicalPlan both = side < 0 ? null : intoBothSides(j, side, keys, source);
            if (both != null) {
                return both;
            }
            below = side < 0 || j.children().get(side) instanceof BroadcastExchangeExec ? null : keys;
            work = true;
        }
        if (below != null) {
            PhysicalPlan deeper = place(node.children().get(side), below, source, work);
            if (deeper != null) {
                List<PhysicalPlan> children = new ArrayList<>(node.children());
                children.set(side, deeper);
                return node.withNewChildren(children);
            }
        }
        if (intoScans && node instanceof FileScanExec scan && scan.takesRuntimeFilters()) {
            return scan.withRuntimeFilter(keys, source);
        }
        return pastWork || node instanceof FileScanExec ? new RuntimeFilterExec(keys, source, node) : null;
    }

    /**
     * An inner join whose keys on {@code side} include {@code keys}: a row of the other side whose
     * partners of those keys fail the filter has no partner that passes, so both sides take the
     * filter (the other on the keys the join equates), but for a side it would enter through a
     * broadcast exchange. Null when neither side can take it, or the keys are not all join keys.
     */
    private PhysicalPlan intoBothSides(JoinExec j, int side, List<AttributeReference> keys, RuntimeFilterSource source) {
        if (j.joinType != JoinType.INNER) {
            return null;
        }
        List<Expression> sideKeys = side == 0 ? j.leftKeys() : j.rightKeys();
        List<Expression> otherSideKeys = side == 0 ? j.rightKeys() : j.leftKeys();
        List<AttributeReference> otherKeys = new ArrayList<>();
        for (AttributeReference k : keys) {
            int i = indexOf(sideKeys, k);
            if (i < 0 || !(otherSideKeys.get(i) instanceof AttributeReference o)) {
                return null;
            }
            otherKeys.add(o);
        }
        PhysicalPlan own = j.children().get(side);
        PhysicalPlan other = j.children().get(1 - side);
        PhysicalPlan placed = own instanceof BroadcastExchangeExec ? null : place(own, keys, source, true);
        PhysicalPlan otherPlaced = other instanceof BroadcastExchangeExec ? null : place(other, otherKeys, source, true);
        if (placed == null && otherPlaced == null) {
            return null;
        }
        List<PhysicalPlan> children = new ArrayList<>(j.children());
        if (placed != null) {
            children.set(side, placed);
        }
        if (otherPlaced != null) {
            children.set(1 - side, otherPlaced);
        }
        return j.withNewChildren(children);
    }

    /** The child's columns that {@code keys} are projections of (kept or renamed), or null. */
    private static List<AttributeReference> throughProjection(List<NamedExpression> projectList,
                                                              List<AttributeReference> keys) {
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference k : keys) {
            AttributeReference source = null;
            for (NamedExpression e : projectList) {
                if (e.toAttribute().exprId() == k.exprId()) {
                    source = column(e);
                    break;
                }
            }
            if (source == null) {
                return null;
            }
            out.add(source);
        }
        return out;
    }

    /** The aggregation's input columns that {@code keys} (grouping keys in its output) come from, or null. */
    private static List<AttributeReference> throughGrouping(HashAggregateExec a, List<AttributeReference> keys) {
        List<AttributeReference> grouping = a.groupingAttributes();
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference k : keys) {
            if (a.mode() == HashAggregateExec.Mode.FINAL) {
                List<AttributeReference> viaResult = throughProjection(a.resultExpressions(), List.of(k));
                AttributeReference key = viaResult == null ? null : viaResult.get(0);
                if (key == null || indexOf(grouping, key) < 0) {
                    return null;
                }
                out.add(key);
            } else {
                int i = indexOf(grouping, k);
                AttributeReference input = i < 0 ? null : column(a.groupingExpressions().get(i));
                if (input == null) {
                    return null;
                }
                out.add(input);
            }
        }
        return out;
    }

    /**
     * The side (0 left, 1 right) of {@code j} that all of {@code keys} come from, if rows of that
     * side that fail the filter would also be missing from the join's output; else -1.
     */
    private static int sideOf(JoinExec j, List<AttributeReference> keys) {
        JoinType t = j.joinType;
        if (allIn(keys, j.left.output())) {
            boolean keepsUnmatchedRight = t == JoinType.RIGHT_OUTER || t == JoinType.FULL_OUTER;
            return keepsUnmatchedRight ? -1 : 0;
        }
        if (allIn(keys, j.right.output()) && (t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.RIGHT_OUTER)) {
            return 1;
        }
        return -1;
    }

    /** Whether {@code plan} reads a selection of its sources' rows: a filter, or a scan with pushed filters. */
    private static boolean filtered(PhysicalPlan plan) {
        if (plan instanceof FilterExec || (plan instanceof FileScanExec s && s.filtered())) {
            return true;
        }
        for (PhysicalPlan c : plan.children()) {
            if (filtered(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every expression gives the same rows whatever rows are dropped before it (no {@code rand()}). */
    private static boolean deterministic(List<NamedExpression> exprs) {
        for (NamedExpression e : exprs) {
            if (!e.deterministic()) {
                return false;
            }
        }
        return true;
    }

    private static List<AttributeReference> columns(List<Expression> keys) {
        List<AttributeReference> out = new ArrayList<>();
        for (Expression k : keys) {
            if (!(k instanceof AttributeReference a)) {
                return null;
            }
            out.add(a);
        }
        return out;
    }

    /** The column {@code e} is (itself, or an alias of one), or null when it computes something. */
    private static AttributeReference column(Expression e) {
        if (e instanceof AttributeReference a) {
            return a;
        }
        if (e instanceof Alias al && al.child() instanceof AttributeReference a) {
            return a;
        }
        return null;
    }

    private static boolean allIn(List<AttributeReference> keys, List<AttributeReference> output) {
        for (AttributeReference k : keys) {
            if (indexOf(output, k) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The position of column {@code a} among {@code columns} (columns or join keys), or -1. */
    private static int indexOf(List<? extends Expression> columns, AttributeReference a) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) instanceof AttributeReference c && c.exprId() == a.exprId()) {
                return i;
            }
        }
        return -1;
    }
}
