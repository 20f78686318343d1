package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Small local relations of int columns for estimation and join-order tests: each column a function of the row number. */
public final class TestRelations {
    private TestRelations() {
    }

    /**
     * A relation of {@code rows} rows whose columns are named {@code names} and hold
     * {@code values[c].apply(row)} (null for a null value).
     */
    @SafeVarargs
    public static LocalRelation ints(int rows, List<String> names, IntFunction<Integer>... values) {
        List<AttributeReference> output = new ArrayList<>();
        ColumnVector[] columns = new ColumnVector[names.size()];
        for (int c = 0; c < names.size(); c++) {
            output.add(AttributeReference.create(names.get(c), DataTypes.IntegerType, true));
            int[] data = new int[rows];
            boolean[] nulls = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                Integer v = values[c].apply(r);
                nulls[r] = v == null;
                data[r] = v == null ? 0 : v;
            }
            columns[c] = ColumnVector.ofInts(DataTypes.IntegerType, data, nulls, rows);
        }
        return new LocalRelation(output, List.of(new ColumnBatch(columns, rows)));
    }

    /** The attribute named {@code name} of {@code relation}. */
    public static AttributeReference column(LocalRelation relation, String name) {
        return relation.output().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
