package io.ember.dataframe.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Rows of Ember and of DuckDB made comparable: integral numbers of any width as {@code Long}
 * (DuckDB sums integers into {@code HUGEINT}, Ember and Spark into {@code bigint}), decimals
 * without trailing zeros, and row sets sorted when the query does not order them.
 */
final class ReferenceRows {
    private ReferenceRows() {
    }

    /** The rows DuckDB returns for {@code sql} on {@code connection}, normalised. */
    static List<List<Object>> duckdb(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return normalised(rows);
    }

    /** {@code rows} with every value normalised. */
    static List<List<Object>> normalised(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (Object v : row) {
                values.add(value(v));
            }
            out.add(values);
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    /** {@code rows} sorted by their text, for comparing unordered results. */
    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> Objects.toString(r)));
        return out;
    }
}
