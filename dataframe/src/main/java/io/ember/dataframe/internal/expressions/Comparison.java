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
        int n = input.numRows;
        // A literal operand is compared as a constant, not as a vector of copies, on either side.
        ColumnVector a = left instanceof Literal ? null : left.eval(input);
        ColumnVector b = right instanceof Literal ? null : right.eval(input);
        if (op != CmpOp.EQ_NULL_SAFE && (a == null) != (b == null)) {
            ColumnVector against = a != null ? againstConstant(op, a, left.dataType(), (Literal) right, n)
                    : againstConstant(op.flip(), b, right.dataType(), (Literal) left, n);
            if (against != null) {
                return against;
            }
        }
        if (a == null) {
            a = left.eval(input);
        }
        if (b == null) {
            b = right.eval(input);
        }
        boolean[] out = new boolean[n];
        if (op == CmpOp.EQ_NULL_SAFE) {
            for (int i = 0; i < n; i++) {
                out[i] = a.valueEquals(i, b, i);
            }
            return ColumnVector.ofBooleans(DataTypes.BooleanType, out, null, n);
        }
        boolean[] nulls = Vectors.unionNulls(a, b, n);
        switch (a.kind == b.kind ? a.kind : -1) {
            case ColumnVector.INT -> CompareKernels.ints(op, a.ints, b.ints, out, n);
            case ColumnVector.LONG -> CompareKernels.longs(op, a.longs, b.longs, out, n);
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
            case ColumnVector.DECIMAL, ColumnVector.WIDE_DECIMAL -> {
                if (!a.type.equals(b.type)) {
                    for (int i = 0; i < n; i++) {
                        if (nulls == null || !nulls[i]) {
                            out[i] = op.test(a.compare(i, b, i));
                        }
                    }
                } else if (a.kind == ColumnVector.DECIMAL) {
                    CompareKernels.longs(op, a.longs, b.longs, out, n);
                } else {
                    CompareKernels.int128(op, a.highs, a.longs, b.highs, b.longs, out, n);
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

    /**
     * {@code a op constant} without a vector of copies of the constant, for whole-number layouts
     * when {@code a}'s expression is of the constant's type (the constant decoded as a vector of one value decodes it); null for
     * other layouts and for a null constant.
     */
    private static ColumnVector againstConstant(CmpOp op, ColumnVector a, DataType type, Literal literal, int n) {
        if (literal.value() == null || !literal.dataType().equals(type)
                || (a.kind != ColumnVector.INT && a.kind != ColumnVector.LONG && a.kind != ColumnVector.DECIMAL)) {
            return null;
        }
        ColumnVector c = ColumnVector.constant(literal.dataType(), literal.value(), 1);
        boolean[] out = new boolean[n];
        if (a.kind == ColumnVector.INT) {
            CompareKernels.ints(op, a.ints, c.ints[0], out, n);
        } else {
            CompareKernels.longs(op, a.longs, c.longs[0], out, n);
        }
        return ColumnVector.ofBooleans(DataTypes.BooleanType, out, Vectors.copyNulls(a, n), n);
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
