package io.ember.benchmarks.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The eight TPC-H tables at a scale factor, as the Parquet files every engine of the benchmarks
 * reads: {@code <dataDir>/tpch-sf<sf>/<table>.parquet}, one file per table. Rows come from
 * {@code io.trino.tpch} (a Java port of dbgen); keys are BIGINT, counts INT, money and quantities
 * DECIMAL(15,2), dates DATE, text VARCHAR.
 *
 * <p>DuckDB writes the files (snappy, its default row groups of 122,880 rows): it converts the
 * generator's text in seconds at scale factor 1, where a JVM writer takes minutes. The rows go
 * through a '|'-separated text file per table (TPC-H text never holds '|'), deleted once
 * converted. A scale factor's directory is built under a temporary name and renamed when
 * complete, so a directory that exists is whole and is reused as it is.
 */
public final class TpchTables {
    /** The tables, in the generator's order. */
    public static final List<String> NAMES = TpchTable.getTables().stream().map(TpchTable::getTableName).toList();

    private TpchTables() {
    }

    /** The directory of the tables at {@code scaleFactor}, generated first if it is missing. */
    public static Path parquet(String dataDir, double scaleFactor) throws IOException {
        if (!(scaleFactor > 0)) {
            throw new IllegalArgumentException("TPC-H scale factor must be positive, got " + scaleFactor);
        }
        Path dir = Path.of(dataDir, "tpch-sf" + BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString());
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        Path partial = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".partial-");
        long start = System.nanoTime();
        System.out.printf("# Generating TPC-H at scale factor %s into %s ...%n", scaleFactor, dir.toAbsolutePath());
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckDb.createStatement()) {
            statement.execute("SET threads = 2");
            for (TpchTable<?> table : TpchTable.getTables()) {
                convert(statement, table, scaleFactor, partial);
            }
        } catch (SQLException e) {
            throw new IOException("DuckDB could not write the TPC-H Parquet files into " + partial, e);
        }
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("# Generated %s in %d ms%n", dir, (System.nanoTime() - start) / 1_000_000);
        return dir;
    }

    /** The file of one table in a directory made by {@link #parquet}. */
    public static Path file(Path dir, String table) {
        return dir.resolve(table + ".parquet");
    }

    private static <E extends TpchEntity> void convert(Statement duckDb, TpchTable<E> table, double scaleFactor,
                                                       Path dir) throws IOException, SQLException {
        Path text = dir.resolve(table.getTableName() + ".tbl");
        writeText(table, scaleFactor, text);
        String columns = table.getColumns().stream()
                .map(c -> "'" + c.getColumnName() + "': '" + sqlType(c) + "'")
                .collect(Collectors.joining(", "));
        duckDb.execute("COPY (SELECT * FROM read_csv('" + text + "', delim = '|', header = false, quote = '', "
                + "columns = {" + columns + "})) TO '" + file(dir, table.getTableName())
                + "' (FORMAT parquet, COMPRESSION snappy)");
        Files.delete(text);
    }

    private static <E extends TpchEntity> void writeText(TpchTable<E> table, double scaleFactor, Path file)
            throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                line.setLength(0);
                for (TpchColumn<E> column : table.getColumns()) {
                    if (line.length() > 0) {
                        line.append('|');
                    }
                    line.append(text(column, row));
                }
                out.write(line.toString());
                out.write('\n');
            }
        }
    }

    private static String sqlType(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
            case DOUBLE -> "DECIMAL(15,2)";
            case VARCHAR -> "VARCHAR";
        };
    }

    private static <E extends TpchEntity> String text(TpchColumn<E> column, E row) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> Long.toString(column.getIdentifier(row));
            case INTEGER -> Integer.toString(column.getInteger(row));
            case DATE -> LocalDate.ofEpochDay(column.getDate(row)).toString();
            // dbgen's money values are whole cents: the double only carries them.
            case DOUBLE -> BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case VARCHAR -> column.getString(row);
        };
    }
}
