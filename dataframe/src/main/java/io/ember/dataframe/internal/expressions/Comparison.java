package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import java.util.List;

/**
 * {@code left op right} over operands of one type (after coercion). Null if either side is null,
 * except for {@code <=>}, which is never null.
 */
public record Comparison(CmpOp op, Expression left, Expression right) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Comparison(op, c.get(0), c.get(1));
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return op != CmpOp.EQ_NULL_SAFE && (left.nullable() || right.nullable());
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector a = left.eval(input);
        ColumnVector b = right.eval(input);
        int n = input.numRows;
        boolean[] out = new boolean[n];
        if (op == CmpOp.EQ_NULL_SAFE) {
            for (int i = 0; i < n; i++) {
                out[i] = a.valueEquals(i, b, i);
            }
            return ColumnVector.ofBooleans(DataTypes.BooleanType, out, null, n);
        }
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        switch (a.kind == b.kind ? a.kind : -1) {
            case ColumnVector.INT -> {
                int[] x = a.ints, y = b.ints;
                for (int i = 0; i < n; i++) {
                    out[i] = op.test(Integer.compare(x[i], y[i]));
                }
            }
            case ColumnVector.LONG -> {
                long[] x = a.longs, y = b.longs;
                for (int i = 0; i < n; i++) {
                    out[i] = op.test(Long.compare(x[i], y[i]));
                }
            }
            case ColumnVector.DOUBLE -> {
                double[] x = a.doubles, y = b.doubles;
                for (int i = 0; i < n; i++) {
                    double p = x[i], q = y[i];
                    out[i] = op.test(p == q ? 0 : Double.compare(p, q));
                }
            }
            case ColumnVector.STRING -> {
                // Equality needs no order: unequal lengths settle most pairs at once.
                boolean eq = op == CmpOp.EQ || op == CmpOp.NEQ;
                for (int i = 0; i < n; i++) {
                    if (nulls == null || !nulls[i]) {
                        out[i] = eq ? a.utf8Equals(i, b, i) == (op == CmpOp.EQ) : op.test(a.compare(i, b, i));
                    }
                }
            }
            default -> {
                if (a.kind != b.kind) {
                    throw new IllegalStateException("comparison of " + a.type + " with " + b.type);
                }
                for (int i = 0; i < n; i++) {
                    if (nulls == null || !nulls[i]) {
                        out[i] = op.test(a.compare(i, b, i));
                    }
                }
            }
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, nulls, n);
    }

    @Override
    public String render(List<String> c) {
        if (op == CmpOp.NEQ) {
            return "(NOT (" + c.get(0) + " = " + c.get(1) + "))";
        }
        return "(" + c.get(0) + " " + op.symbol() + " " + c.get(1) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
