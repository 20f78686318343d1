package io.ember.dataframe;

import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.vavr.Tuple;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;

/**
 * Vavr tuples as columns {@code _1}, {@code _2}, ... (Spark's names for tuple fields), each element
 * stored by its own encoder. An element must take one column: a bean or tuple inside a tuple needs
 * struct columns, which the engine does not have yet.
 */
record TupleEncoder<T extends Tuple>(Class<T> clsTag, List<String> names, List<AgnosticEncoder<?>> elements)
        implements AgnosticEncoder<T> {

    /** The largest tuple Vavr has. */
    static final int MAX_ARITY = 8;

    TupleEncoder {
        names = List.copyOf(names);
        elements = List.copyOf(elements);
        if (elements.size() < 1 || elements.size() > MAX_ARITY) {
            throw new IllegalArgumentException("A tuple encoder takes 1 to " + MAX_ARITY + " encoders, not "
                    + elements.size());
        }
        for (int i = 0; i < elements.size(); i++) {
            int columns = elements.get(i).schema().size();
            if (columns != 1) {
                throw new IllegalArgumentException("Tuple element _" + (i + 1) + " (" + elements.get(i)
                        + ") takes " + columns + " columns; a tuple element must be a single value until"
                        + " struct columns are supported");
            }
        }
    }

    /** Columns named {@code _1} to {@code _n}. */
    static <T extends Tuple> TupleEncoder<T> of(Class<T> tupleClass, List<AgnosticEncoder<?>> elements) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= elements.size(); i++) {
            names.add("_" + i);
        }
        return new TupleEncoder<>(tupleClass, names, elements);
    }

    @Override
    public StructType schema() {
        StructType s = new StructType();
        for (int i = 0; i < elements.size(); i++) {
            StructField f = elements.get(i).schema().fields()[0];
            s = s.add(names.get(i), f.dataType(), f.nullable());
        }
        return s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Row toRow(T value) {
        if (value == null) {
            throw new NullPointerException("A null tuple cannot be stored as a row of " + schema().simpleString()
                    + "; its elements may be null, the tuple may not");
        }
        Seq<?> values = value.toSeq();
        Object[] out = new Object[elements.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            out[i] = v == null ? null : ((AgnosticEncoder<Object>) elements.get(i)).toRow(v).get(0);
        }
        return Row.of(out);
    }

    @Override
    public T fromRow(Row row) {
        Object[] v = new Object[elements.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = elements.get(i).fromRow(Row.of(row.get(i)));
        }
        Tuple t = switch (v.length) {
            case 1 -> Tuple.of(v[0]);
            case 2 -> Tuple.of(v[0], v[1]);
            case 3 -> Tuple.of(v[0], v[1], v[2]);
            case 4 -> Tuple.of(v[0], v[1], v[2], v[3]);
            case 5 -> Tuple.of(v[0], v[1], v[2], v[3], v[4]);
            case 6 -> Tuple.of(v[0], v[1], v[2], v[3], v[4], v[5]);
            case 7 -> Tuple.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            default -> Tuple.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        };
        return clsTag.cast(t);
    }

    @Override
    public String toString() {
        return "Encoder[" + clsTag.getSimpleName() + ": " + schema().simpleString() + "]";
    }
}
