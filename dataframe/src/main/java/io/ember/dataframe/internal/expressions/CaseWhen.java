package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 [WHEN c2 THEN v2 ...] [ELSE e] END}. Children are
 * {@code c1, v1, c2, v2, ..., [e]}; the analyzer coerces every value to one type.
 */
public record CaseWhen(List<Expression> branches, boolean hasElse) implements Expression {

    /** Adds a branch. */
    public CaseWhen when(Expression condition, Expression value) {
        if (hasElse) {
            throw new IllegalArgumentException("when() cannot be applied once otherwise() is applied");
        }
        List<Expression> b = new ArrayList<>(branches);
        b.add(condition);
        b.add(value);
        return new CaseWhen(b, false);
    }

    /** Adds the else value. */
    public CaseWhen otherwise(Expression value) {
        if (hasElse) {
            throw new IllegalArgumentException("otherwise() can only be applied once");
        }
        List<Expression> b = new ArrayList<>(branches);
        b.add(value);
        return new CaseWhen(b, true);
    }

    private int pairs() {
        return (branches.size() - (hasElse ? 1 : 0)) / 2;
    }

    @Override
    public List<Expression> children() {
        return branches;
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new CaseWhen(List.copyOf(c), hasElse);
    }

    @Override
    public DataType dataType() {
        return branches.get(1).dataType();
    }

    @Override
    public boolean nullable() {
        if (!hasElse) {
            return true;
        }
        for (int i = 0; i < pairs(); i++) {
            if (branches.get(2 * i + 1).nullable()) {
                return true;
            }
        }
        return branches.get(branches.size() - 1).nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        int n = input.numRows;
        int pairs = pairs();
        int[] chosen = new int[n];
        java.util.Arrays.fill(chosen, -1);
        int undecided = n;
        for (int p = 0; p < pairs && undecided > 0; p++) {
            ColumnVector cond = branches.get(2 * p).eval(input);
            for (int i = 0; i < n; i++) {
                if (chosen[i] == -1 && !cond.isNull(i) && cond.booleans[i]) {
                    chosen[i] = p;
                    undecided--;
                }
            }
        }
        ColumnVector[] values = new ColumnVector[pairs + 1];
        for (int p = 0; p < pairs; p++) {
            values[p] = branches.get(2 * p + 1).eval(input);
        }
        values[pairs] = hasElse ? branches.get(branches.size() - 1).eval(input) : null;
        ColumnVector out = ColumnVector.allocate(dataType(), n);
        for (int i = 0; i < n; i++) {
            int p = chosen[i] == -1 ? pairs : chosen[i];
            ColumnVector v = values[p];
            if (v == null) {
                out.appendNull();
            } else {
                out.appendFrom(v, i);
            }
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        StringBuilder sb = new StringBuilder("CASE");
        for (int p = 0; p < pairs(); p++) {
            sb.append(" WHEN ").append(c.get(2 * p)).append(" THEN ").append(c.get(2 * p + 1));
        }
        if (hasElse) {
            sb.append(" ELSE ").append(c.get(c.size() - 1));
        }
        return sb.append(" END").toString();
    }

    @Override
    public String toString() {
        return explain();
    }
}
