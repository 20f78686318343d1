package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A call of a built-in scalar function {@link Fn} on argument expressions. */
public record ScalarFunction(Fn fn, List<Expression> args, String zone) implements TimeZoneAware {

    /** A call whose zone the analyzer fills in. */
    public ScalarFunction(Fn fn, List<Expression> args) {
        this(fn, List.copyOf(args), null);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new ScalarFunction(fn, List.copyOf(c), zone);
    }

    @Override
    public Expression withZone(String zoneId) {
        return new ScalarFunction(fn, args, zoneId);
    }

    @Override
    public boolean needsZone() {
        return zone == null;
    }

    @Override
    public DataType dataType() {
        List<DataType> types = new ArrayList<>();
        for (Expression a : args) {
            types.add(a.dataType());
        }
        return fn.resultType(types);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector[] values = new ColumnVector[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i).eval(input);
        }
        return fn.evalVector(dataType(), values, input.numRows, zone == null ? ZoneId.systemDefault() : ZoneId.of(zone));
    }

    @Override
    public String render(List<String> c) {
        return fn.render(c);
    }

    @Override
    public String toString() {
        return explain();
    }
}
