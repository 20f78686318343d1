package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.Cast;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.TimestampType;

/**
 * Values placed on one number line so that ranges can be compared with literals: numbers by
 * value, dates as days and timestamps as microseconds since the epoch (their internal values).
 * Strings, booleans and the rest have no place on it.
 */
final class NumericDomain {
    private NumericDomain() {
    }

    /** Whether values of {@code t} have a place on the line. */
    static boolean ordered(DataType t) {
        return numeric(t) || t instanceof DateType || t instanceof TimestampType;
    }

    /** Whether {@code t} is a number type (a cast between two of them keeps the value). */
    static boolean numeric(DataType t) {
        return t instanceof IntegerType || t instanceof LongType || t instanceof DoubleType || t instanceof DecimalType;
    }

    /** Whether distinct values of {@code t} are whole numbers, so a range bounds their count. */
    static boolean integral(DataType t) {
        return t instanceof IntegerType || t instanceof LongType || t instanceof DateType;
    }

    /** The place of an internal value, NaN if it has none. */
    static double of(Object internal) {
        return internal instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * The column {@code e} reads if it is one, possibly under casts between number types (which
     * keep its values' order and magnitude: {@code CAST(qty AS DOUBLE) > 1.0}); null otherwise.
     */
    static AttributeReference column(Expression e) {
        Expression x = e;
        while (x instanceof Cast c && numeric(c.to()) && numeric(c.child().dataType())) {
            x = c.child();
        }
        return x instanceof AttributeReference a ? a : null;
    }
}
