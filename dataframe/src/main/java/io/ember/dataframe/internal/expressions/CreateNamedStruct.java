package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A struct of {@code values} whose fields are {@code names} ({@code struct(a, b)},
 * {@code named_struct('x', a)}). The names are fixed when the call is built, so that rewriting
 * the children (an optimizer inlining an alias) cannot rename a field.
 */
public record CreateNamedStruct(List<String> names, List<Expression> values) implements Expression {

    public CreateNamedStruct {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " field names for " + values.size() + " values");
        }
    }

    /**
     * {@code struct(cols...)}: each field named as Spark names it, after the column it reads or
     * its alias, otherwise {@code col1}, {@code col2}, ... by position.
     */
    public static CreateNamedStruct of(List<Expression> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Expression v = values.get(i);
            names.add(v instanceof NamedExpression n ? n.name()
                    : v instanceof UnresolvedAttribute u ? u.lastPart() : "col" + (i + 1));
        }
        return new CreateNamedStruct(names, values);
    }

    @Override
    public List<Expression> children() {
        return values;
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new CreateNamedStruct(names, c);
    }

    @Override
    public DataType dataType() {
        StructField[] fields = new StructField[values.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new StructField(names.get(i), values.get(i).dataType(), values.get(i).nullable());
        }
        return new StructType(fields);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector[] cols = new ColumnVector[values.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = values.get(c).eval(input);
        }
        ColumnVector out = ColumnVector.allocate(dataType(), input.numRows);
        for (int i = 0; i < input.numRows; i++) {
            Object[] row = new Object[cols.length];
            for (int c = 0; c < cols.length; c++) {
                row[c] = cols[c].get(i);
            }
            out.appendObject(Collections.unmodifiableList(java.util.Arrays.asList(row)));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return "struct(" + String.join(", ", c) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
