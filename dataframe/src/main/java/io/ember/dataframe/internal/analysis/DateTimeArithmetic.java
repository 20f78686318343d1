package io.ember.dataframe.internal.analysis;

import io.ember.dataframe.internal.expressions.ArithOp;
import io.ember.dataframe.internal.expressions.BinaryArithmetic;
import io.ember.dataframe.internal.expressions.CalendarInterval;
import io.ember.dataframe.internal.expressions.DateTimeAddInterval;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Fn;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.ScalarFunction;
import io.ember.dataframe.types.CalendarIntervalType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.TimestampType;
import java.util.List;

/**
 * {@code +} and {@code -} on dates, timestamps and intervals, typed as Spark types them:
 * {@code date ± INTERVAL ...} and {@code timestamp ± INTERVAL ...} add the interval
 * ({@link DateTimeAddInterval}; a date stays a date unless the interval has hours, minutes or
 * seconds), {@code date + 30} / {@code date - 30} are {@code date_add} / {@code date_sub}, and
 * two interval literals add up to one. {@code date - date} is the number of days between them,
 * as {@code datediff} (Spark types it as {@code INTERVAL DAY}, which Ember cannot store in a
 * column; the day count is that interval's value).
 */
final class DateTimeArithmetic {
    private DateTimeArithmetic() {
    }

    /** The rewrite of {@code b}, or null if neither operand is a date, timestamp or interval. */
    static Expression rewrite(BinaryArithmetic b) {
        DataType l = b.left().dataType();
        DataType r = b.right().dataType();
        boolean additive = b.op() == ArithOp.ADD || b.op() == ArithOp.SUBTRACT;
        if (l instanceof CalendarIntervalType || r instanceof CalendarIntervalType) {
            if (!additive) {
                throw TypeCoercion.mismatch(b, "an interval can only be added to or subtracted from a date, a "
                        + "timestamp or another interval, not used with " + b.op().symbol(), "BINARY_OP_WRONG_TYPE");
            }
            return withInterval(b, l, r);
        }
        if (!additive || !(isDate(l) || isDate(r))) {
            return null;
        }
        if (isDate(l) && isDate(r) && b.op() == ArithOp.SUBTRACT) {
            return TypeCoercion.coerce(new ScalarFunction(Fn.DATEDIFF, List.of(b.left(), b.right())));
        }
        if (isDate(l) && isDays(r)) {
            Fn fn = b.op() == ArithOp.ADD ? Fn.DATE_ADD : Fn.DATE_SUB;
            return TypeCoercion.coerce(new ScalarFunction(fn, List.of(b.left(), b.right())));
        }
        if (isDays(l) && isDate(r) && b.op() == ArithOp.ADD) {
            return TypeCoercion.coerce(new ScalarFunction(Fn.DATE_ADD, List.of(b.right(), b.left())));
        }
        throw TypeCoercion.mismatch(b, "a date can be added to or subtracted from an INT (a number of days) or "
                + "an interval, or subtracted from a date, but the operands have the types \"" + l.sql() + "\" and \""
                + r.sql() + "\"", "BINARY_OP_DIFF_TYPES");
    }

    private static Expression withInterval(BinaryArithmetic b, DataType l, DataType r) {
        if (l instanceof CalendarIntervalType && r instanceof CalendarIntervalType) {
            CalendarInterval x = interval(b.left(), b);
            CalendarInterval y = interval(b.right(), b);
            return new Literal(x.plus(b.op() == ArithOp.ADD ? y : y.negate()), DataTypes.CalendarIntervalType);
        }
        if (r instanceof CalendarIntervalType && isDateTime(l)) {
            CalendarInterval y = interval(b.right(), b);
            return new DateTimeAddInterval(start(b.left(), y), b.op() == ArithOp.ADD ? y : y.negate());
        }
        if (l instanceof CalendarIntervalType && isDateTime(r) && b.op() == ArithOp.ADD) {
            CalendarInterval x = interval(b.left(), b);
            return new DateTimeAddInterval(start(b.right(), x), x);
        }
        throw TypeCoercion.mismatch(b, "an interval can only be added to a date or timestamp (or subtracted from "
                + "one), but the operands have the types \"" + l.sql() + "\" and \"" + r.sql() + "\"",
                "BINARY_OP_DIFF_TYPES");
    }

    /** A string start is read as a timestamp (as Spark casts it), a null as a date or timestamp. */
    private static Expression start(Expression e, CalendarInterval interval) {
        DataType t = e.dataType();
        if (t instanceof StringType) {
            return TypeCoercion.cast(e, DataTypes.TimestampType);
        }
        if (t instanceof NullType) {
            return TypeCoercion.cast(e, interval.hasTimePart() ? DataTypes.TimestampType : DataTypes.DateType);
        }
        return e;
    }

    private static CalendarInterval interval(Expression e, BinaryArithmetic parent) {
        if (e instanceof Literal lit && lit.value() instanceof CalendarInterval v) {
            return v;
        }
        throw TypeCoercion.mismatch(parent, "an interval operand must be a constant interval literal, not \""
                + e.sql() + "\"", "UNEXPECTED_INPUT_TYPE");
    }

    private static boolean isDate(DataType t) {
        return t instanceof DateType;
    }

    /** A number of days: an INT, or an untyped NULL (the result is then a NULL date, as in Spark). */
    private static boolean isDays(DataType t) {
        return t instanceof IntegerType || t instanceof NullType;
    }

    private static boolean isDateTime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof StringType || t instanceof NullType;
    }
}
