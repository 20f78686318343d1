package io.ember.dataframe;

import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.NullType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns an encoder reads out of a DataFrame, as Spark's {@code as[T]} finds them: by name
 * (case-insensitively unless {@code ember.sql.caseSensitive}), in the encoder's order, each cast up
 * to the encoder's type when it is narrower (an int column read as a {@code long} property); a
 * cast that could lose data is refused, as in Spark.
 */
final class DatasetColumns {
    private DatasetColumns() {
    }

    /**
     * {@code df} narrowed and ordered to {@code target}'s columns ({@code df} itself if it already is).
     *
     * @throws AnalysisException naming a missing column and the available ones, an ambiguous one, or
     *     a column whose type cannot be cast up to the encoder's
     */
    static DataFrame project(DataFrame df, StructType target) {
        StructType have = df.schema();
        if (sameColumns(have, target)) {
            return df;
        }
        boolean caseSensitive = df.sparkSession().conf().caseSensitive();
        List<Column> cols = new ArrayList<>();
        for (StructField want : target.fields()) {
            StructField found = find(have, want.name(), caseSensitive);
            Column c = df.col(found.name());
            if (!equalsIgnoreNullability(found.dataType(), want.dataType())) {
                if (!canUpCast(found.dataType(), want.dataType())) {
                    throw new AnalysisException("[CANNOT_UP_CAST_DATATYPE] Cannot up cast " + found.name() + " from \""
                            + found.dataType().sql() + "\" to \"" + want.dataType().sql() + "\".\nThe type path of the"
                            + " target object is: field " + want.name() + ". You can either add an explicit cast to"
                            + " the input data or choose a higher precision type of the field in the target object");
                }
                c = c.cast(want.dataType());
            }
            cols.add(c.as(want.name()));
        }
        return df.select(cols.toArray(new Column[0]));
    }

    private static boolean sameColumns(StructType have, StructType target) {
        if (have.size() != target.size()) {
            return false;
        }
        for (int i = 0; i < have.size(); i++) {
            StructField h = have.fields()[i];
            StructField t = target.fields()[i];
            if (!h.name().equals(t.name()) || !equalsIgnoreNullability(h.dataType(), t.dataType())) {
                return false;
            }
        }
        return true;
    }

    private static StructField find(StructType have, String name, boolean caseSensitive) {
        List<StructField> matches = new ArrayList<>();
        for (StructField f : have.fields()) {
            if (caseSensitive ? f.name().equals(name) : f.name().equalsIgnoreCase(name)) {
                matches.add(f);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> names = new ArrayList<>();
        for (StructField f : (matches.isEmpty() ? have.fields() : matches.toArray(new StructField[0]))) {
            names.add("`" + f.name() + "`");
        }
        if (matches.isEmpty()) {
            throw new AnalysisException("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `"
                    + name + "` cannot be resolved. Did you mean one of the following? " + names + ".");
        }
        throw new AnalysisException("[AMBIGUOUS_REFERENCE] Reference `" + name + "` is ambiguous, could be: "
                + names + ".");
    }

    /**
     * Spark's {@code DataType.equalsIgnoreNullability}: the same type but for the nullability of
     * struct fields, array elements and map values. Such a column needs no cast: a null read into
     * a primitive bean property fails at that property, naming it, as Spark's deserializer does.
     */
    static boolean equalsIgnoreNullability(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return equalsIgnoreNullability(x.elementType(), y.elementType());
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            return equalsIgnoreNullability(x.keyType(), y.keyType())
                    && equalsIgnoreNullability(x.valueType(), y.valueType());
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.apply(i).name().equals(y.apply(i).name())
                        || !equalsIgnoreNullability(x.apply(i).dataType(), y.apply(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Spark's {@code Cast.canUpCast} over the engine's types: widening only. */
    static boolean canUpCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType) {
            return true;
        }
        if (to instanceof StringType) {
            return !(from instanceof ArrayType);
        }
        if (from instanceof DateType) {
            return to instanceof TimestampType;
        }
        if (to instanceof DecimalType d) {
            int integerDigits = d.precision() - d.scale();
            if (from instanceof IntegerType) {
                return integerDigits >= 10;
            }
            if (from instanceof LongType) {
                return integerDigits >= 20;
            }
            return from instanceof DecimalType f && f.precision() - f.scale() <= integerDigits && f.scale() <= d.scale();
        }
        if (to instanceof LongType) {
            return from instanceof IntegerType;
        }
        if (to instanceof DoubleType) {
            return from instanceof IntegerType || from instanceof LongType;
        }
        if (to instanceof ArrayType t && from instanceof ArrayType f) {
            return canUpCast(f.elementType(), t.elementType()) && (t.containsNull() || !f.containsNull());
        }
        return false;
    }
}
