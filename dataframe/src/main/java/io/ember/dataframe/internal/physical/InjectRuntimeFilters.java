package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a {@link RuntimeFilterExec} in the stream side of each broadcast hash join whose build
 * side is filtered, as deep as the stream keys can be followed: through deterministic projections that
 * keep or rename them, deterministic filters, sorts, shuffles, the grouping keys of aggregations, and into the side of a
 * join they come from when that side's rows are not null-extended. Rows of the stream side whose
 * key the filtered build side lacks are then dropped where they are read, not after they were
 * shuffled, aggregated and joined (a filtered {@code part} joined to {@code lineitem} grouped by
 * part key: the grouping reads only the lines of the parts that remain).
 *
 * <p>A filter is placed only where it saves work: below at least one shuffle, sort, aggregation
 * or join, or right above a file scan. Joins that keep unmatched stream rows (outer, anti) get
 * none. The build side must contain a filter (of rows, or pushed into its scan): an unfiltered
 * build side usually holds every key of the stream side (a foreign key joined to its table), and
 * the filter would drop nothing. Each task also stops filtering when nearly every row passes
 * ({@link RuntimeFilterExec}).
 *
 * <p>Runs on the physical plan once its exchanges are in place ({@link EnsureRequirements});
 * {@code ember.sql.optimizer.runtimeFilter.enabled=false} turns it off.
 */
public final class InjectRuntimeFilters {
    private InjectRuntimeFilters() {
    }

    /** {@code plan} with runtime filters under its broadcast hash joins where they pay. */
    public static PhysicalPlan apply(PhysicalPlan plan) {
        PhysicalPlan node = plan instanceof BroadcastHashJoinExec j ? inject(j) : plan;
        List<PhysicalPlan> children = node.children();
        List<PhysicalPlan> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (PhysicalPlan c : children) {
            PhysicalPlan r = apply(c);
            changed |= r != c;
            rewritten.add(r);
        }
        return changed ? node.withNewChildren(rewritten) : node;
    }

    private static PhysicalPlan inject(BroadcastHashJoinExec join) {
        boolean dropsUnmatchedStreamRows = join.joinType == JoinType.INNER
                || (join.joinType == JoinType.LEFT_SEMI && join.buildRight());
        List<AttributeReference> keys = columns(join.streamKeys());
        PhysicalPlan build = join.buildRight() ? join.right : join.left;
        if (!dropsUnmatchedStreamRows || keys == null || !filtered(build)) {
            return join;
        }
        RuntimeFilterSlot slot = new RuntimeFilterSlot();
        PhysicalPlan stream = join.buildRight() ? join.left : join.right;
        PhysicalPlan placed = place(stream, keys, slot, false);
        return placed == null ? join : join.withRuntimeFilter(slot, placed);
    }

    /**
     * {@code node} with a filter on {@code keys} (columns of its output) as deep as they can be
     * followed, or null where no place below the join saves work ({@code pastWork}: a shuffle,
     * sort, aggregation or join lies between the join and {@code node}).
     */
    private static PhysicalPlan place(PhysicalPlan node, List<AttributeReference> keys, RuntimeFilterSlot slot,
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
            below = side < 0 || j.children().get(side) instanceof BroadcastExchangeExec ? null : keys;
            work = true;
        }
        if (below != null) {
            PhysicalPlan deeper = place(node.children().get(side), below, slot, work);
            if (deeper != null) {
                List<PhysicalPlan> children = new ArrayList<>(node.children());
                children.set(side, deeper);
                return node.withNewChildren(children);
            }
        }
        return pastWork || node instanceof FileScanExec ? new RuntimeFilterExec(keys, slot, node) : null;
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
            AttributeReference key = k;
            if (a.mode() == HashAggregateExec.Mode.FINAL) {
                List<AttributeReference> viaResult = throughProjection(a.resultExpressions(), List.of(k));
                key = viaResult == null ? null : viaResult.get(0);
                if (key == null || indexOf(grouping, key) < 0) {
                    return null;
                }
                out.add(key);
            } else {
                int i = indexOf(grouping, key);
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

    private static int indexOf(List<AttributeReference> attrs, AttributeReference a) {
        for (int i = 0; i < attrs.size(); i++) {
            if (attrs.get(i).exprId() == a.exprId()) {
                return i;
            }
        }
        return -1;
    }
}
