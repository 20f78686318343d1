package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.batch.MapData;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The generators {@code explode}, {@code posexplode}, {@code explode_outer} and
 * {@code posexplode_outer}: one output row per element of an array ({@code col}) or entry of a
 * map ({@code key}, {@code value}), preceded by the element's 0-based {@code pos} when
 * {@code position}. A null or empty input gives no row, or one row of nulls when {@code outer}.
 *
 * <p>A generator produces rows, not a value per row, so it is never evaluated in place: the
 * analyzer lifts it out of a projection into a {@link io.ember.dataframe.internal.plan.Generate} node (as
 * Spark's {@code ExtractGenerator} rule does), whose operator calls {@link #generate}.
 */
public record Explode(Expression child, boolean position, boolean outer) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new Explode(c.get(0), position, outer);
    }

    /** The columns each input row expands into, with Spark's default names. */
    public List<StructField> elementFields() {
        List<StructField> out = new ArrayList<>();
        if (position) {
            out.add(new StructField("pos", DataTypes.IntegerType, outer));
        }
        DataType t = child.dataType();
        if (t instanceof MapType m) {
            out.add(new StructField("key", m.keyType(), outer));
            out.add(new StructField("value", m.valueType(), true));
        } else if (t instanceof ArrayType a) {
            out.add(new StructField("col", a.elementType(), a.containsNull() || outer));
        } else {
            throw new IllegalStateException("explode of " + t.simpleString() + " should have failed analysis");
        }
        return out;
    }

    /** The output rows of one input value (internal values, one per {@link #elementFields} column). */
    public List<Object[]> generate(Object value) {
        List<Object[]> rows = new ArrayList<>();
        int width = elementFields().size();
        if (value instanceof MapData m) {
            for (int i = 0; i < m.size(); i++) {
                rows.add(position ? new Object[] {i, m.keys().get(i), m.values().get(i)}
                        : new Object[] {m.keys().get(i), m.values().get(i)});
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                rows.add(position ? new Object[] {i, l.get(i)} : new Object[] {l.get(i)});
            }
        }
        if (rows.isEmpty() && outer) {
            rows.add(new Object[width]);
        }
        return rows;
    }

    @Override
    public DataType dataType() {
        return new StructType(elementFields().toArray(new StructField[0]));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        throw new IllegalStateException(sql() + " is a generator: it is planned as a Generate node, not evaluated");
    }

    @Override
    public String render(List<String> c) {
        return (position ? "posexplode" : "explode") + (outer ? "_outer" : "") + "(" + c.get(0) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
