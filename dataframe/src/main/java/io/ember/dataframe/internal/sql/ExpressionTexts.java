package io.ember.dataframe.internal.sql;

import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.ExprIds;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.UnresolvedStar;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * SQL expression texts for the DataFrame API ({@code expr}, {@code selectExpr},
 * {@code filter(String)}, {@code agg(Map)}): parsed as one select list item and translated by the
 * same {@link ExpressionTranslator} as {@code spark.sql}, so both front ends accept the same
 * expressions.
 */
final class ExpressionTexts {
    private ExpressionTexts() {
    }

    /** The unresolved expression of {@code sql}, aliased if the text ends with {@code [AS] name}. */
    static Expression translate(String sql, FunctionRegistry functions) {
        SqlSource.Parsed<SelectItem<?>> parsed = SqlParser.parseExpression(sql);
        SqlSource source = parsed.source();
        SelectItem<?> item = parsed.tree();
        net.sf.jsqlparser.expression.Expression e = item.getExpression();
        if (e instanceof AllTableColumns t) {
            return new UnresolvedStar(Names.unquote(t.getTable().getName()));
        }
        if (e instanceof AllColumns) {
            return new UnresolvedStar(null);
        }
        ExpressionTranslator ex = new ExpressionTranslator(source, functions, new WindowTranslator.NamedWindows(null));
        String alias = item.getAlias() == null ? null : Names.unquote(item.getAlias().getName());
        String unitAlias = BareUnitAliases.detach(item);
        if (unitAlias != null) {
            alias = unitAlias;
        }
        Expression out = ex.translate(item.getExpression());
        return alias == null ? out : new Alias(out, alias, ExprIds.next());
    }
}
