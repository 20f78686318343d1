package io.ember.dataframe.internal.sql.tpch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DuckDB (through its JDBC driver, in memory) as the independent engine the TPC-H answers are
 * checked against: it reads the same generated files with the same schema and runs the same
 * query text.
 */
final class DuckDbReference implements AutoCloseable {
    private final Connection connection;

    DuckDbReference(List<TpchData.Table> tables) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            for (TpchData.Table table : tables) {
                statement.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM read_csv('" + table.file()
                        + "', delim = '|', header = false, columns = {" + columns(table) + "})");
            }
        }
    }

    private static String columns(TpchData.Table table) {
        return table.columns().stream()
                .map(c -> "'" + c.name() + "': '" + (c.sqlType().equals("STRING") ? "VARCHAR" : c.sqlType()) + "'")
                .collect(Collectors.joining(", "));
    }

    /** The rows of {@code sql}, each value normalised by {@link ResultValues#normalise}. */
    List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    Object value = rs.getObject(i);
                    row.add(ResultValues.normalise(value instanceof BigDecimal d ? d : value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
