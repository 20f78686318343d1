package io.ember.dataframe;

import io.ember.dataframe.internal.physical.PhysicalPlan;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.rdd.EmberContext;
import io.ember.dataframe.internal.ui.SqlExecutionEnd;
import io.ember.dataframe.internal.ui.SqlExecutionStart;
import io.ember.dataframe.internal.ui.SqlPlanNode;
import io.ember.rdd.internal.CallSite;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs DataFrame actions as SQL executions, as Spark's {@code SQLExecution} does: posts
 * {@link SqlExecutionStart} with the physical plan (operators numbered from 0 at the
 * root, depth first) before the action's jobs, and {@link SqlExecutionEnd} with the
 * rows each operator produced after them, for the UI's SQL page and the event log.
 *
 * <p>Design notes. Execution ids are unique in the JVM, as Spark's. The description is the
 * query's SQL text when the DataFrame (or one it was built from) came from
 * {@link EmberSession#sql}, else the action's call site; the texts are remembered weakly by plan.
 */
final class SqlExecutions {
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final java.util.Map<LogicalPlan, String> SQL_TEXTS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private SqlExecutions() {
    }

    /** Remembers that {@code plan} is the query {@code sqlText}, to describe its executions. */
    static void rememberSqlText(LogicalPlan plan, String sqlText) {
        SQL_TEXTS.put(plan, sqlText);
    }

    /** Runs {@code action} (the jobs of {@code physical}) as one SQL execution; its error is rethrown. */
    static <T> T run(EmberContext sc, LogicalPlan analyzed, PhysicalPlan physical, Supplier<T> action) {
        long id = NEXT_ID.getAndIncrement();
        String callSite = CallSite.capture();
        List<PhysicalPlan> nodes = new ArrayList<>();
        SqlPlanNode plan = node(physical, nodes);
        sc.postEvent(new SqlExecutionStart(id, sqlText(analyzed).getOrElse(callSite), callSite, plan,
                System.currentTimeMillis()));
        String error = null;
        try {
            return action.get();
        } catch (RuntimeException | Error e) {
            error = e.toString();
            throw e;
        } finally {
            sc.postEvent(new SqlExecutionEnd(id, System.currentTimeMillis(), rows(nodes), error));
        }
    }

    /** The tree of {@code op}, numbering each operator by its index in {@code nodes}. */
    private static SqlPlanNode node(PhysicalPlan op, List<PhysicalPlan> nodes) {
        int id = nodes.size();
        nodes.add(op);
        io.vavr.collection.List<SqlPlanNode> children = io.vavr.collection.List.empty();
        for (PhysicalPlan child : op.children()) {
            children = children.append(node(child, nodes));
        }
        String detail = op.nodeString();
        int end = 0;
        while (end < detail.length() && Character.isJavaIdentifierPart(detail.charAt(end))) {
            end++;
        }
        return new SqlPlanNode(id, end == 0 ? op.getClass().getSimpleName() : detail.substring(0, end), detail,
                children);
    }

    private static Map<Integer, Long> rows(List<PhysicalPlan> nodes) {
        Map<Integer, Long> rows = HashMap.empty();
        for (int i = 0; i < nodes.size(); i++) {
            Option<Long> count = nodes.get(i).outputRows();
            if (count.isDefined()) {
                rows = rows.put(i, count.get());
            }
        }
        return rows;
    }

    /** The SQL text of the first plan in {@code plan}'s tree (root first) that came from a query. */
    private static Option<String> sqlText(LogicalPlan plan) {
        if (SQL_TEXTS.isEmpty()) {
            return Option.none();
        }
        String text = SQL_TEXTS.get(plan);
        if (text != null) {
            return Option.some(text);
        }
        for (LogicalPlan child : plan.children()) {
            Option<String> found = sqlText(child);
            if (found.isDefined()) {
                return found;
            }
        }
        return Option.none();
    }
}
