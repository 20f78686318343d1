package io.ember.dataframe;

import io.ember.dataframe.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small DataFrame of nested columns shared by the nested-type tests: values, empties, nulls inside, nulls. */
final class NestedFixtures {
    private NestedFixtures() {
    }

    static final StructType SCHEMA = StructType.fromDDL(
            "id INT, xs ARRAY<INT>, m MAP<STRING, INT>, s STRUCT<a: INT, b: STRING>");

    /** An insertion-ordered map of string keys and int values (null allowed), from alternating keys and values. */
    static Map<String, Integer> map(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    /** Rows 1..4 of {@link #SCHEMA}. */
    static DataFrame nested(EmberSession spark) {
        return spark.createDataFrame(List.of(
                RowFactory.create(1, List.of(1, 2), map("a", 1, "b", 2), RowFactory.create(1, "x")),
                RowFactory.create(2, List.of(), map(), RowFactory.create(null, "y")),
                RowFactory.create(3, Arrays.asList(3, null), map("c", null), null),
                RowFactory.create(4, null, null, RowFactory.create(4, null))), SCHEMA);
    }
}
