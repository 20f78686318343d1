package io.ember.dataframe.internal.sql;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Spark reads {@code SELECT sum(x) hour} and {@code SELECT a + 1 minute} as a select item with a
 * bare alias that happens to be a time unit ({@code hour}, {@code minute}); JSqlParser reads the
 * last operand and the unit as an interval without the {@code INTERVAL} keyword
 * ({@code a + (1 minute)}). This moves the unit back to where Spark puts it: the alias of the
 * whole item.
 */
final class BareUnitAliases {
    private BareUnitAliases() {
    }

    /**
     * If {@code item} has no alias and ends with a unit JSqlParser read as an interval, that
     * interval replaced in {@code item} by its operand, and the unit (as written) returned; else
     * null and {@code item} unchanged.
     */
    static String detach(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return null;
        }
        Expression e = item.getExpression();
        if (e instanceof IntervalExpression bare && isBare(bare)) {
            setItemExpression(item, bare.getExpression());
            return unit(bare);
        }
        // The alias binds to the end of the item: follow the right-hand operands down.
        while (true) {
            if (e instanceof BinaryExpression b) {
                if (b.getRightExpression() instanceof IntervalExpression bare && isBare(bare)) {
                    b.setRightExpression(bare.getExpression());
                    return unit(bare);
                }
                e = b.getRightExpression();
            } else if (e instanceof SignedExpression s) {
                if (s.getExpression() instanceof IntervalExpression bare && isBare(bare)) {
                    s.setExpression(bare.getExpression());
                    return unit(bare);
                }
                e = s.getExpression();
            } else {
                return null;
            }
        }
    }

    private static boolean isBare(IntervalExpression e) {
        return !e.isUsingIntervalKeyword() && e.getExpression() != null;
    }

    private static String unit(IntervalExpression bare) {
        return bare.getIntervalQualifier() != null ? bare.getIntervalQualifier().getLeadingField()
                : bare.getIntervalType();
    }

    @SuppressWarnings("unchecked")
    private static void setItemExpression(SelectItem<?> item, Expression e) {
        ((SelectItem<Expression>) item).setExpression(e);
    }
}
