package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Field {@code ordinal} (named {@code name}) of every struct of an array of structs, as an array:
 * {@code col("people.name")} on {@code array<struct<name:string,...>>}; a null struct gives a null
 * element.
 */
// Deliberate specialisation of GetStructField for arrays of structs: the same field lookup,
// applied to every element.
public record GetArrayStructFields(Expression child, int ordinal, String name) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new GetArrayStructFields(c.get(0), ordinal, name);
    }

    private StructField field() {
        return ((StructType) ((ArrayType) child.dataType()).elementType()).apply(ordinal);
    }

    @Override
    public DataType dataType() {
        ArrayType a = (ArrayType) child.dataType();
        return new ArrayType(field().dataType(), a.containsNull() || field().nullable());
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector arrays = child.eval(input);
        ColumnVector out = ColumnVector.allocate(dataType(), input.numRows);
        for (int i = 0; i < input.numRows; i++) {
            List<?> structs = (List<?>) arrays.get(i);
            if (structs == null) {
                out.appendNull();
                continue;
            }
            List<Object> values = new ArrayList<>(structs.size());
            for (Object s : structs) {
                values.add(s == null ? null : ((List<?>) s).get(ordinal));
            }
            out.appendObject(Collections.unmodifiableList(values));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return c.get(0) + "." + name;
    }

    @Override
    public String toString() {
        return explain();
    }
}
