package io.ember.dataframe;

import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.vavr.Tuple;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;

/**
 * Vavr tuples as columns {@code _1}, {@code _2}, ... (Spark's names for tuple fields), each element
 * stored by its own encoder: a single value as that column, a bean, tuple or row as a nullable
 * struct column of its encoder's schema.
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
            AgnosticEncoder<?> element = elements.get(i);
            if (element.isStruct()) {
                s = s.add(names.get(i), element.schema(), true);
            } else {
                StructField f = element.schema().fields()[0];
                s = s.add(names.get(i), f.dataType(), f.nullable());
            }
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
            AgnosticEncoder<Object> element = (AgnosticEncoder<Object>) elements.get(i);
            if (v != null) {
                Row r = element.toRow(v);
                out[i] = element.isStruct() ? r : r.get(0);
            }
        }
        return Row.of(out);
    }

    @Override
    public T fromRow(Row row) {
        Object[] v = new Object[elements.size()];
        for (int i = 0; i < v.length; i++) {
            AgnosticEncoder<?> element = elements.get(i);
            if (!element.isStruct()) {
                v[i] = element.fromRow(Row.of(row.get(i)));
            } else if (row.get(i) != null) {
                v[i] = element.fromRow(row.getStruct(i));
            }
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
    public boolean isStruct() {
        return true;
    }

    @Override
    public String toString() {
        return "Encoder[" + clsTag.getSimpleName() + ": " + schema().simpleString() + "]";
    }
}
