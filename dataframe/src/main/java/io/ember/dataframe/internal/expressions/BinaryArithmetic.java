package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code left op right} over operands the analyzer has coerced to one numeric type (decimals may
 * differ in precision and scale). Integer arithmetic wraps on overflow and division or remainder by
 * zero gives null, as Spark does without ANSI mode; {@code /} on integers is done in doubles.
 */
public record BinaryArithmetic(ArithOp op, Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new BinaryArithmetic(op, c.get(0), c.get(1));
    }

    @Override
    public DataType dataType() {
        DataType l = left.dataType();
        DataType r = right.dataType();
        if (l instanceof DecimalType a && r instanceof DecimalType b) {
            return decimalResult(op, a, b);
        }
        if (op == ArithOp.DIVIDE) {
            return DataTypes.DoubleType;
        }
        return l;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable() || op == ArithOp.DIVIDE || op == ArithOp.REMAINDER
                || dataType() instanceof DecimalType;
    }

    /** Spark's result type of decimal arithmetic, with precision loss allowed past 38 digits. */
    public static DecimalType decimalResult(ArithOp op, DecimalType a, DecimalType b) {
        int p1 = a.precision(), s1 = a.scale(), p2 = b.precision(), s2 = b.scale();
        int precision, scale;
        switch (op) {
            case ADD, SUBTRACT -> {
                scale = Math.max(s1, s2);
                precision = Math.max(p1 - s1, p2 - s2) + scale + 1;
            }
            case MULTIPLY -> {
                precision = p1 + p2 + 1;
                scale = s1 + s2;
            }
            case DIVIDE -> {
                scale = Math.max(6, s1 + p2 + 1);
                precision = p1 - s1 + s2 + scale;
            }
            default -> {
                scale = Math.max(s1, s2);
                precision = Math.min(p1 - s1, p2 - s2) + scale;
            }
        }
        return bounded(precision, scale);
    }

    /** Spark's adjustment of a decimal type that exceeds 38 digits. */
    public static DecimalType bounded(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return new DecimalType(Math.max(precision, 1), Math.min(scale, precision));
        }
        int intDigits = precision - scale;
        int minScale = Math.min(scale, 6);
        int adjusted = Math.max(DecimalType.MAX_PRECISION - intDigits, minScale);
        return new DecimalType(DecimalType.MAX_PRECISION, adjusted);
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector a = left.eval(input);
        ColumnVector b = right.eval(input);
        int n = input.numRows;
        DataType t = dataType();
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        if (t instanceof DecimalType dt) {
            return decimal(a, b, n, dt);
        }
        DataType operand = left.dataType();
        if (op == ArithOp.DIVIDE) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double y = b.getAsDouble(i);
                if (y == 0.0) {
                    if (nulls == null) {
                        nulls = new boolean[n];
                    }
                    nulls[i] = true;
                } else {
                    out[i] = a.getAsDouble(i) / y;
                }
            }
            return ColumnVector.ofDoubles(t, out, nulls, n);
        }
        // Deliberate specialisation: one loop per primitive type and operator, so that the hot loop
        // runs on int[]/long[]/double[] without boxing or a per-row dispatch.
        if (operand instanceof IntegerType) {
            int[] x = a.ints, y = b.ints, out = new int[n];
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] + y[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] - y[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (y[i] == 0) {
                            nulls = Vectors.setNull(nulls, i, n);
                        } else {
                            out[i] = x[i] % y[i];
                        }
                    }
                }
            }
            return ColumnVector.ofInts(t, out, nulls, n);
        }
        if (operand instanceof LongType) {
            long[] x = a.longs, y = b.longs, out = new long[n];
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] + y[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] - y[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (y[i] == 0) {
                            nulls = Vectors.setNull(nulls, i, n);
                        } else {
                            out[i] = x[i] % y[i];
                        }
                    }
                }
            }
            return ColumnVector.ofLongs(t, out, nulls, n);
        }
        if (operand instanceof DoubleType) {
            double[] x = a.doubles, y = b.doubles, out = new double[n];
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] + y[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] - y[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        if (y[i] == 0) {
                            nulls = Vectors.setNull(nulls, i, n);
                        } else {
                            out[i] = x[i] % y[i];
                        }
                    }
                }
            }
            return ColumnVector.ofDoubles(t, out, nulls, n);
        }
        throw new IllegalStateException("arithmetic on " + operand);
    }

    private ColumnVector decimal(ColumnVector a, ColumnVector b, int n, DecimalType t) {
        if (CompactDecimalArithmetic.applies(op, a, b, t)) {
            return CompactDecimalArithmetic.apply(op, a, b, n, t);
        }
        if (WideDecimalArithmetic.applies(op, a, b, t)) {
            return WideDecimalArithmetic.apply(op, a, b, n, t);
        }
        ColumnVector out = ColumnVector.allocate(t, n);
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.appendNull();
                continue;
            }
            BigDecimal x = a.getDecimal(i);
            BigDecimal y = b.getDecimal(i);
            BigDecimal r;
            switch (op) {
                case ADD -> r = x.add(y);
                case SUBTRACT -> r = x.subtract(y);
                case MULTIPLY -> r = x.multiply(y);
                case DIVIDE -> r = y.signum() == 0 ? null : x.divide(y, t.scale(), RoundingMode.HALF_UP);
                default -> r = y.signum() == 0 ? null : x.remainder(y);
            }
            out.appendObject(r == null ? null : Values.toDecimal(r, t));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return "(" + c.get(0) + " " + op.symbol() + " " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
