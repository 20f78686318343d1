package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.Values;
import io.ember.dataframe.types.DataType;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Function3;
import java.time.ZoneId;
import java.util.List;

/**
 * A call of a user-defined function: arguments are converted to external values (what a Row
 * holds), the function is called once per row, and its result converted back. A user function
 * sees nulls and decides what to do with them.
 */
public record UserDefinedCall(String name, Object function, DataType dataType, List<Expression> args)
        implements Expression {

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new UserDefinedCall(name, function, dataType, List.copyOf(c));
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ColumnVector eval(ColumnBatch input) {
        int n = input.numRows;
        ColumnVector[] values = new ColumnVector[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i).eval(input);
        }
        ColumnVector out = ColumnVector.allocate(dataType, n);
        Object[] ext = new Object[values.length];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < values.length; a++) {
                ext[a] = Values.toExternal(values[a].get(r), args.get(a).dataType(), false);
            }
            Object result;
            try {
                result = switch (values.length) {
                    case 1 -> ((Function1<Object, Object>) function).apply(ext[0]);
                    case 2 -> ((Function2<Object, Object, Object>) function).apply(ext[0], ext[1]);
                    case 3 -> ((Function3<Object, Object, Object, Object>) function).apply(ext[0], ext[1], ext[2]);
                    default -> throw new IllegalStateException("UDFs take 1 to 3 arguments");
                };
            } catch (RuntimeException e) {
                throw new RuntimeException("Failed to execute user defined function " + name + " on "
                        + java.util.Arrays.toString(ext) + ": " + e, e);
            }
            out.append(Values.toInternal(result, dataType, ZoneId.systemDefault()));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return name + "(" + String.join(", ", c) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
