package io.ember.dataframe.internal.sql;

import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small inline tables the SQL tests query, registered as views, and helpers that turn results
 * into plain lists so expectations read like tables.
 *
 * <pre>
 * emp:  id | name | dept | salary | manager      dept: dept | floor
 *        1 | Ann  | eng  |    100 | null               eng  |     3
 *        2 | Bob  | eng  |     80 | 1                  ops  |     1
 *        3 | Cid  | ops  |     60 | 1                  hr   |     2
 *        4 | Dee  | ops  |   null | 3
 *        5 | Eve  | null |     50 | null
 * </pre>
 */
final class SqlFixtures {
    private SqlFixtures() {
    }

    /** The shared session with {@code emp} and {@code dept} registered. */
    static EmberSession session() {
        EmberSession spark = SqlTestSession.get();
        emp(spark).createOrReplaceTempView("emp");
        dept(spark).createOrReplaceTempView("dept");
        return spark;
    }

    static DataFrame emp(EmberSession spark) {
        return spark.createDataFrame(List.of(
                Row.of(1, "Ann", "eng", 100, null),
                Row.of(2, "Bob", "eng", 80, 1),
                Row.of(3, "Cid", "ops", 60, 1),
                Row.of(4, "Dee", "ops", null, 3),
                Row.of(5, "Eve", null, 50, null)),
                StructType.fromDDL("id INT, name STRING, dept STRING, salary INT, manager INT"));
    }

    static DataFrame dept(EmberSession spark) {
        return spark.createDataFrame(List.of(Row.of("eng", 3), Row.of("ops", 1), Row.of("hr", 2)),
                StructType.fromDDL("dept STRING, floor INT"));
    }

    /** The rows of {@code df}, each as a list of its values, in the order returned. */
    static List<List<Object>> rows(DataFrame df) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                values.add(r.get(i));
            }
            out.add(values);
        }
        return out;
    }

    /** One expected row (nulls allowed). */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Expected rows. */
    @SafeVarargs
    static List<List<Object>> table(List<Object>... rows) {
        return Arrays.asList(rows);
    }

    /** The column names of {@code df}. */
    static List<String> columns(DataFrame df) {
        return Arrays.asList(df.columns());
    }
}
