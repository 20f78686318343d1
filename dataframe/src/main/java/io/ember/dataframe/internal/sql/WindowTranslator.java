package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.window.WindowExpression;
import io.ember.dataframe.internal.window.WindowFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.OrderByElement;

/**
 * Turns {@code f(...) OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...)} (or
 * {@code OVER w} with {@code WINDOW w AS (...)}) into a {@link WindowExpression}, the node
 * {@code Column.over(WindowSpec)} builds. The function comes from the {@link FunctionRegistry}.
 */
final class WindowTranslator {
    /** The window functions that take {@code IGNORE NULLS}. */
    private static final Set<String> IGNORE_NULLS_FUNCTIONS = Set.of("first", "last", "first_value", "last_value",
            "nth_value");

    private final ExpressionTranslator expressions;
    private final SqlSource source;
    private final FunctionRegistry functions;
    private final NamedWindows named;

    /** The windows a query's {@code WINDOW} clause defines, by name (case-insensitive). */
    static final class NamedWindows {
        private final Map<String, WindowDefinition> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        /** The windows of {@code definitions} (which may be null). */
        NamedWindows(List<WindowDefinition> definitions) {
            if (definitions != null) {
                for (WindowDefinition d : definitions) {
                    byName.put(Names.unquote(d.getWindowName()), d);
                }
            }
        }

        WindowDefinition get(String name) {
            return byName.get(Names.unquote(name));
        }

        List<String> names() {
            return new ArrayList<>(byName.keySet());
        }
    }

    WindowTranslator(ExpressionTranslator expressions, SqlSource source, FunctionRegistry functions, NamedWindows named) {
        this.expressions = expressions;
        this.source = source;
        this.functions = functions;
        this.named = named;
    }

    Expression translate(AnalyticExpression a) {
        if (a.getType() != AnalyticType.OVER) {
            throw source.unsupported(a.getType() + " in " + a.getName(), a);
        }
        if (a.getKeep() != null || a.getFilterExpression() != null || a.getFuncOrderBy() != null) {
            throw source.unsupported("KEEP, FILTER or ordered arguments in a window function", a);
        }
        ExpressionList<?> partition = a.getPartitionExpressionList();
        List<OrderByElement> order = a.getOrderByElements();
        WindowElement frame = a.getWindowElement();
        if (a.getWindowName() != null) {
            WindowDefinition d = named.get(a.getWindowName());
            if (d == null) {
                throw source.locate(new AnalysisException("[MISSING_WINDOW_SPECIFICATION] The window `"
                        + a.getWindowName() + "` is not defined in the WINDOW clause"
                        + (named.names().isEmpty() ? "." : "; defined: " + Names.quoted(named.names()) + ".")), a);
            }
            partition = d.getPartitionExpressionList();
            order = d.getOrderByElements();
            frame = d.getWindowElement();
        }
        try {
            Expression function = functions.call(Names.unquote(a.getName()), arguments(a), a.isDistinct());
            List<Expression> partitionSpec = new ArrayList<>();
            if (partition != null) {
                for (net.sf.jsqlparser.expression.Expression p : partition) {
                    partitionSpec.add(expressions.translate(p));
                }
            }
            List<SortOrder> orderSpec = new ArrayList<>();
            if (order != null) {
                for (OrderByElement o : order) {
                    orderSpec.add(expressions.sortOrder(o));
                }
            }
            return WindowExpression.of(function, partitionSpec, orderSpec, frame == null ? null : frame(frame));
        } catch (AnalysisException e) {
            throw source.locate(e, a);
        }
    }

    private List<Expression> arguments(AnalyticExpression a) {
        List<Expression> args = new ArrayList<>();
        net.sf.jsqlparser.expression.Expression e = a.getExpression();
        if (e instanceof ExpressionList<?> list) {
            args.addAll(expressions.arguments(list));
        } else if (e != null) {
            args.addAll(expressions.arguments(new ExpressionList<>(e)));
        } else if (a.isAllColumns()) {
            args.add(Literal.create(1));
        }
        if (a.getOffset() != null) {
            args.add(expressions.translate(a.getOffset()));
        }
        if (a.getDefaultValue() != null) {
            args.add(expressions.translate(a.getDefaultValue()));
        }
        if (a.isIgnoreNulls() || a.isIgnoreNullsOutside()) {
            String name = a.getName().toLowerCase(Locale.ROOT);
            if (!IGNORE_NULLS_FUNCTIONS.contains(name)) {
                throw source.unsupported("IGNORE NULLS in " + a.getName(), a);
            }
            args.add(Literal.TRUE);
        }
        return args;
    }

    private WindowFrame frame(WindowElement w) {
        if (w.getType() == WindowElement.Type.GROUPS || w.getExclusion() != null) {
            throw source.unsupported("GROUPS frames and frame exclusions", w);
        }
        boolean rows = w.getType() == WindowElement.Type.ROWS;
        Object start;
        Object end;
        if (w.getRange() != null) {
            start = bound(w.getRange().getStart(), w);
            end = bound(w.getRange().getEnd(), w);
        } else {
            start = bound(w.getOffset(), w);
            end = WindowFrame.CURRENT_ROW;
        }
        if (!rows) {
            return WindowFrame.range(start, end);
        }
        if (!(start instanceof Long s) || !(end instanceof Long e)) {
            throw source.locate(new AnalysisException("[INVALID_WINDOW_FRAME] A ROWS frame counts rows, so its bounds "
                    + "must be integers, not intervals: use RANGE BETWEEN with an interval."), w);
        }
        return WindowFrame.rows(s, e);
    }

    /**
     * A bound as a signed offset: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, n FOLLOWING,
     * UNBOUNDED FOLLOWING as a {@code Long}; {@code INTERVAL ... PRECEDING / FOLLOWING} as a
     * {@link CalendarInterval} (negated when preceding).
     */
    private Object bound(WindowOffset o, WindowElement frame) {
        if (o.getType() == WindowOffset.Type.CURRENT) {
            return WindowFrame.CURRENT_ROW;
        }
        boolean preceding = o.getType() == WindowOffset.Type.PRECEDING;
        if (o.getType() != WindowOffset.Type.FOLLOWING && !preceding) {
            throw source.unsupported("The frame bound " + o, frame);
        }
        if (o.getExpression() == null) {
            return preceding ? WindowFrame.UNBOUNDED_PRECEDING : WindowFrame.UNBOUNDED_FOLLOWING;
        }
        if (o.getExpression() instanceof LongValue v) {
            return preceding ? -v.getValue() : v.getValue();
        }
        if (o.getExpression() instanceof IntervalExpression i
                && expressions.translate(i) instanceof Literal l && l.value() instanceof CalendarInterval interval) {
            return preceding ? interval.negate() : interval;
        }
        throw source.unsupported("A frame bound that is neither an integer nor an interval (" + o.getExpression()
                + ")", frame);
    }
}
