package io.ember.dataframe.internal.sql;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.analysis.Pivot;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Spark's {@code PIVOT} clause after a FROM item:
 * {@code FROM t PIVOT (sum(x) [AS s], ... FOR col IN ('a' [AS a], 'b', ...)) [alias]}, the
 * aggregation grouped by every other column of {@code t}, one column per value and aggregate
 * ({@link Pivot}). One pivot column; the {@code IN} values are literals.
 */
final class PivotTranslator {
    private PivotTranslator() {
    }

    static LogicalPlan apply(net.sf.jsqlparser.statement.select.Pivot pivot, LogicalPlan input, QueryTranslator q,
                             ExpressionTranslator ex) {
        if (pivot.getForColumns() == null || pivot.getForColumns().size() != 1 || pivot.getMultiInItems() != null) {
            throw q.source.unsupported("PIVOT over several columns", pivot);
        }
        try {
            Expression column = q.analyzer.resolve(ex.translate(pivot.getForColumns().get(0)), input.output());
            List<Expression> values = new ArrayList<>();
            List<String> aliases = new ArrayList<>();
            for (SelectItem<?> item : pivot.getSingleInItems()) {
                values.add(q.analyzer.resolve(ex.translate(item.getExpression()), List.of()));
                aliases.add(item.getAlias() == null ? null : Names.unquote(item.getAlias().getName()));
            }
            List<NamedExpression> aggregates = new ArrayList<>();
            for (SelectItem<Function> item : pivot.getFunctionItems()) {
                Expression raw = ex.translate(item.getExpression());
                Expression resolved = q.analyzer.resolve(raw, input.output());
                aggregates.add(item.getAlias() != null
                        ? io.ember.dataframe.internal.expressions.Alias.of(resolved, Names.unquote(item.getAlias().getName()))
                        : Analyzer.named(resolved, raw));
            }
            LogicalPlan plan = Pivot.of(column, values, aliases, q.analyzer.timeZone())
                    .aggregateAllOtherColumns(aggregates, input);
            return pivot.getAlias() == null ? plan : new SubqueryAlias(Names.unquote(pivot.getAlias().getName()), plan);
        } catch (AnalysisException e) {
            throw q.source.locate(e, pivot);
        }
    }
}
