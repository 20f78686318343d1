package io.ember.dataframe;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code countDistinct(a, b, ...)}: the distinct tuples of several columns counted as the distinct
 * values of one string key, null when any of the columns is (Spark skips such rows).
 *
 * <p>Design notes. The engine counts distinct values of one column; a tuple becomes one value by a
 * string that tells tuples apart: each value cast to a string, prefixed by that string's length so
 * that no two tuples of strings give the same key. A known limit: the string of a timestamp is
 * its local time in the session zone, so two instants an hour apart inside a daylight-saving
 * fall-back hour count as one (none do in UTC or any zone without clock changes).
 */
final class DistinctTuples {
    private DistinctTuples() {
    }

    /** The count of distinct non-null tuples of {@code cols}, named {@code count(DISTINCT a, b)}. */
    static Column countDistinct(List<Column> cols) {
        Column anyNull = null;
        List<Column> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column c : cols) {
            Column isNull = c.isNull();
            anyNull = anyNull == null ? isNull : anyNull.or(isNull);
            Column text = c.cast("string");
            parts.add(Functions.length(text).cast("string"));
            parts.add(Functions.lit(":"));
            parts.add(text);
            names.add(c.expr().sql());
        }
        Column key = Functions.when(anyNull, null).otherwise(Functions.concat(parts.toArray(new Column[0])));
        return Functions.countDistinct(key).as("count(DISTINCT " + String.join(", ", names) + ")");
    }
}
