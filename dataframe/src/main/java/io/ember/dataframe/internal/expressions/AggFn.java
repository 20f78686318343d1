package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;

/** The aggregate functions: name, accepted input and result type. */
public enum AggFn {
    COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max"), FIRST("first"), LAST("last"),
    COLLECT_LIST("collect_list"), COLLECT_SET("collect_set"), STDDEV("stddev"), STDDEV_POP("stddev_pop"),
    VARIANCE("variance"), VAR_POP("var_pop");

    private final String sqlName;

    AggFn(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name in SQL text. */
    public String sqlName() {
        return sqlName;
    }

    /** Whether the input must be numeric (the analyzer casts strings to double). */
    public boolean numericInput() {
        return switch (this) {
            case SUM, AVG, STDDEV, STDDEV_POP, VARIANCE, VAR_POP -> true;
            default -> false;
        };
    }

    /** The result type for an input of {@code in}. */
    public DataType resultType(DataType in) {
        return switch (this) {
            case COUNT -> DataTypes.LongType;
            case SUM -> in instanceof DecimalType d ? BinaryArithmetic.bounded(d.precision() + 10, d.scale())
                    : in instanceof IntegerType || in instanceof LongType ? DataTypes.LongType : DataTypes.DoubleType;
            case AVG -> in instanceof DecimalType d
                    ? BinaryArithmetic.bounded(d.precision() + 4, d.scale() + 4) : DataTypes.DoubleType;
            case MIN, MAX, FIRST, LAST -> in;
            case COLLECT_LIST, COLLECT_SET -> new ArrayType(in, false);
            default -> DataTypes.DoubleType;
        };
    }
}
