package io.ember.dataframe.internal.sql;

import io.ember.dataframe.internal.analysis.GroupingSets;
import io.ember.dataframe.internal.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.GroupByElement;

/**
 * Reads a {@code GROUP BY} clause into its grouping columns and, when it has them, its grouping
 * sets: {@code GROUPING SETS ((a, b), (a), ())}, {@code ROLLUP(a, b)} and {@code CUBE(a, b)}
 * (which JSqlParser reads as function calls), {@code a, b WITH ROLLUP}, and plain columns beside
 * rollups and cubes ({@code GROUP BY a, ROLLUP(b, c)}: the sets of each item combined, as in
 * Spark), {@code a, b WITH CUBE}, composites rolled up together ({@code ROLLUP((a, b), c)}). Each column is resolved by {@code column} (positions, select aliases, input names).
 */
final class GroupingSetsTranslator {

    /** The grouping columns (each once) and the grouping sets, or null sets for a plain GROUP BY. */
    record GroupBy(List<Expression> columns, List<List<Expression>> sets) {
    }

    private GroupingSetsTranslator() {
    }

    /**
     * The GROUP BY {@code g}; {@code withCube} when its {@code WITH ROLLUP} was written
     * {@code WITH CUBE} (which the parser reads as {@code WITH ROLLUP}).
     */
    static GroupBy translate(GroupByElement g, boolean withCube,
                             Function<net.sf.jsqlparser.expression.Expression, Expression> column, SqlSource source) {
        List<List<Expression>> explicitSets = new ArrayList<>();
        if (g.getGroupingSets() != null) {
            for (ExpressionList<?> set : g.getGroupingSets()) {
                List<Expression> resolved = new ArrayList<>();
                for (Object e : set) {
                    resolved.add(column.apply((net.sf.jsqlparser.expression.Expression) e));
                }
                explicitSets.add(resolved);
            }
        }
        List<List<List<Expression>>> items = new ArrayList<>();
        List<Expression> plain = new ArrayList<>();
        boolean setsUsed = !explicitSets.isEmpty() || g.isMysqlWithRollup();
        ExpressionList<?> list = g.getGroupByExpressionList();
        if (list != null) {
            for (Object o : list) {
                net.sf.jsqlparser.expression.Expression e = (net.sf.jsqlparser.expression.Expression) o;
                String kind = setFunction(e);
                if (kind == null) {
                    Expression c = column.apply(e);
                    plain.add(c);
                    items.add(List.of(List.of(c)));
                    continue;
                }
                setsUsed = true;
                net.sf.jsqlparser.expression.Function f = (net.sf.jsqlparser.expression.Function) e;
                if (f.isDistinct() || f.isAllColumns() || f.getParameters() == null || f.getParameters().isEmpty()) {
                    throw source.unsupported(kind + " without a list of columns", e);
                }
                List<List<Expression>> units = new ArrayList<>();
                if (f.getParameters() instanceof ParenthesedExpressionList<?> only) {
                    // CUBE((a, b)): JSqlParser hands a sole composite argument over as the argument list itself.
                    units.add(unit(only, column));
                } else {
                    for (Object p : f.getParameters()) {
                        units.add(unit((net.sf.jsqlparser.expression.Expression) p, column));
                    }
                }
                items.add(kind.equals("ROLLUP") ? GroupingSets.rollup(units) : GroupingSets.cube(units));
            }
        }
        if (!setsUsed) {
            return new GroupBy(plain, null);
        }
        List<List<Expression>> sets;
        if (!explicitSets.isEmpty()) {
            if (!items.isEmpty()) {
                throw source.unsupported("GROUPING SETS beside other GROUP BY items", g);
            }
            sets = explicitSets;
        } else if (g.isMysqlWithRollup()) {
            sets = withCube ? GroupingSets.cube(GroupingSets.singletons(plain))
                    : GroupingSets.rollup(GroupingSets.singletons(plain));
        } else {
            sets = GroupingSets.product(items);
        }
        return new GroupBy(GroupingSets.columns(sets), sets);
    }

    /** The columns of one argument of ROLLUP or CUBE: a column, or a parenthesised composite {@code (a, b)}. */
    private static List<Expression> unit(net.sf.jsqlparser.expression.Expression p,
                                         Function<net.sf.jsqlparser.expression.Expression, Expression> column) {
        List<Expression> unit = new ArrayList<>();
        if (p instanceof ExpressionList<?> composite) {
            for (Object c : composite) {
                unit.add(column.apply((net.sf.jsqlparser.expression.Expression) c));
            }
        } else {
            unit.add(column.apply(p));
        }
        return unit;
    }

    /** {@code ROLLUP} or {@code CUBE} if {@code e} is such a call, else null. */
    private static String setFunction(net.sf.jsqlparser.expression.Expression e) {
        if (e instanceof net.sf.jsqlparser.expression.Function f && f.getMultipartName() != null
                && f.getMultipartName().size() == 1) {
            String name = f.getName().toUpperCase(Locale.ROOT);
            if (name.equals("ROLLUP") || name.equals("CUBE")) {
                return name;
            }
        }
        return null;
    }
}
