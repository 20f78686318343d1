package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.RDD;
import io.ember.rdd.internal.io.OutputCommitter.SaveMode;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a DataFrame's rows into a database table (Spark's {@code JdbcUtils.saveTable}). The
 * driver checks whether the table exists and, by save mode, fails, skips, drops and creates,
 * truncates or creates it; then each task inserts its partition's rows over its own connection
 * with batched {@code INSERT}s in one transaction, committed only when every row is in. A task
 * that fails rolls its transaction back, so a partition is written entirely or not at all (the
 * partitions are separate transactions, as in Spark).
 */
public final class JdbcWriteJob {
    private JdbcWriteJob() {
    }

    /** What a task needs. */
    record Spec(JdbcOptions options, String insertSql, DataType[] types) implements Serializable {
    }

    /**
     * Writes {@code rdd} (rows of {@code schema}) to the table of {@code options}.
     *
     * @throws AnalysisException if the table exists and the mode is error/errorifexists
     * @throws JdbcException naming the (redacted) URL and the table if the database refuses a statement
     */
    public static void write(RDD<ColumnBatch> rdd, StructType schema, JdbcOptions options, SaveMode mode) {
        JdbcDialect dialect = JdbcDialect.of(options.url());
        String table = options.fromClause();
        try (Connection c = JdbcConnections.open(options)) {
            boolean exists = tableExists(c, table);
            if (exists) {
                switch (mode) {
                    case ERROR -> throw new AnalysisException("Table or view '" + table
                            + "' already exists. SaveMode: ErrorIfExists.");
                    case IGNORE -> {
                        return;
                    }
                    case OVERWRITE -> {
                        if (options.truncate()) {
                            execute(c, dialect.truncate(table));
                        } else {
                            execute(c, "DROP TABLE " + table);
                            execute(c, createTable(schema, table, options, dialect));
                        }
                    }
                    case APPEND -> {
                    }
                }
            } else {
                execute(c, createTable(schema, table, options, dialect));
            }
        } catch (SQLException e) {
            throw new JdbcException("JDBC write to " + table + " at " + options.shownUrl() + " failed",
                    options, e);
        }
        DataType[] types = new DataType[schema.size()];
        List<String> columns = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            types[i] = schema.apply(i).dataType();
            columns.add(dialect.quote(schema.apply(i).name()));
            marks.add("?");
        }
        Spec spec = new Spec(options, "INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES ("
                + String.join(",", marks) + ")", types);
        rdd.context().runJob(rdd, (tc, it) -> {
            insertPartition(tc.partitionId(), it, spec);
            return null;
        });
    }

    /** Spark's test for a table: a query that returns no rows succeeds. */
    private static boolean tableExists(Connection c, String table) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            if (autoCommit) {
                // A failed statement aborts a PostgreSQL transaction: probe in its own one.
                c.setAutoCommit(false);
            }
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1=0").close();
            return true;
        } catch (SQLException e) {
            // The probe failing is the answer "no such table"; any other problem shows up when the
            // table is then created or written.
            c.rollback();
            return false;
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /**
     * The CREATE TABLE statement: each column with its mapped SQL type, or the type
     * {@code createTableColumnTypes} gives it, then {@code createTableOptions}.
     *
     * @throws IllegalArgumentException naming a column of {@code createTableColumnTypes} that is not in the DataFrame
     */
    static String createTable(StructType schema, String table, JdbcOptions options, JdbcDialect dialect) {
        Map<String, String> overrides = columnTypes(options, schema);
        List<String> columns = new ArrayList<>();
        for (StructField f : schema) {
            String type = overrides.getOrDefault(f.name().toLowerCase(Locale.ROOT), dialect.sqlType(f.dataType()));
            columns.add(dialect.quote(f.name()) + " " + type + (f.nullable() ? "" : " NOT NULL"));
        }
        String extra = options.createTableOptions();
        return "CREATE TABLE " + table + " (" + String.join(", ", columns) + ")" + (extra.isEmpty() ? "" : " " + extra);
    }

    private static Map<String, String> columnTypes(JdbcOptions options, StructType schema) {
        Map<String, String> out = new LinkedHashMap<>();
        if (options.createTableColumnTypes().isEmpty()) {
            return out;
        }
        for (String entry : splitTopLevel(options.createTableColumnTypes().get())) {
            String[] parts = entry.trim().split("\\s+", 2);
            if (parts.length < 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("JDBC option 'createTableColumnTypes': expected 'column TYPE', got '"
                        + entry.trim() + "'");
            }
            String name = parts[0].replace("`", "").replace("\"", "");
            boolean known = false;
            for (StructField f : schema) {
                known |= f.name().equalsIgnoreCase(name);
            }
            if (!known) {
                throw new IllegalArgumentException("JDBC option 'createTableColumnTypes' names column '" + name
                        + "', which the DataFrame does not have; its columns: " + List.of(schema.fieldNames()));
            }
            out.put(name.toLowerCase(Locale.ROOT), parts[1].trim());
        }
        return out;
    }

    /** {@code text} split at the commas outside parentheses ({@code DECIMAL(10,2)} stays whole). */
    private static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static void insertPartition(int partition, Iterator<ColumnBatch> batches, Spec spec) {
        JdbcOptions options = spec.options();
        Connection c = JdbcConnections.open(options);
        try {
            boolean transactional = options.isolationLevel() != Connection.TRANSACTION_NONE
                    && c.getMetaData().supportsTransactions();
            if (transactional) {
                // A level the database lacks keeps its default level rather than failing the write (as Spark).
                if (c.getMetaData().supportsTransactionIsolationLevel(options.isolationLevel())) {
                    c.setTransactionIsolation(options.isolationLevel());
                }
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(spec.insertSql())) {
                int pending = 0;
                while (batches.hasNext()) {
                    ColumnBatch b = batches.next();
                    for (int r = 0; r < b.numRows; r++) {
                        for (int col = 0; col < spec.types().length; col++) {
                            JdbcTypes.write(ps, col + 1, spec.types()[col], b.column(col).get(r));
                        }
                        ps.addBatch();
                        if (++pending == options.batchSize()) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            if (transactional) {
                c.commit();
            }
            c.close();
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            JdbcConnections.closeAfterFailure(c, e);
            if (e instanceof SQLException sql) {
                SQLException cause = sql.getNextException() != null ? sql.getNextException() : sql;
                throw new JdbcException("JDBC write of partition " + partition + " into " + options.fromClause()
                        + " failed (its transaction was rolled back)", options, cause);
            }
            throw (RuntimeException) e;
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
