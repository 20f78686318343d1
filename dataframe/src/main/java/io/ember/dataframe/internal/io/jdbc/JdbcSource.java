package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.io.FileSource;
import io.ember.dataframe.internal.io.ScanSettings;
import io.ember.dataframe.internal.io.SourceFilter;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A table or query of a database read through JDBC (Spark's {@code JDBCRelation}). The schema
 * comes from the driver's {@link ResultSetMetaData} of {@code SELECT * FROM table WHERE 1=0},
 * run once on the driver when the DataFrame is created, with {@code customSchema}'s types laid
 * over it. The rows are read by the executors: one task and one connection per partition
 * (stride ranges of {@code partitionColumn}, or the user's predicates), each running
 * {@code SELECT <needed columns> FROM table WHERE <partition> AND <pushed filters>}.
 *
 * <p>It plugs into the file-scan machinery ({@link FileSource}), so column pruning and the
 * optimizer's filter pushdown reach it unchanged; {@link #paths()} is empty.
 */
public final class JdbcSource implements FileSource {
    private final JdbcOptions options;
    private final JdbcDialect dialect;
    private final StructType schema;
    private final List<String> partitionClauses;

    private JdbcSource(JdbcOptions options, StructType schema, List<String> partitionClauses) {
        this.options = options;
        this.dialect = JdbcDialect.of(options.url());
        this.schema = schema;
        this.partitionClauses = partitionClauses;
    }

    /**
     * Resolves the schema of the table or query and the partitions of the read.
     *
     * @param predicates one WHERE clause per partition, or null for {@code partitionColumn}'s stride
     * @throws JdbcException naming the (redacted) URL and the table if the database cannot be read
     * @throws IllegalArgumentException naming the option whose value does not fit the table
     */
    public static JdbcSource create(JdbcOptions options, String[] predicates) {
        JdbcDialect dialect = JdbcDialect.of(options.url());
        StructType schema = applyCustomSchema(resolveSchema(options, dialect), options.customSchema());
        List<String> clauses;
        if (predicates != null) {
            clauses = JdbcPartitioning.byPredicates(predicates);
        } else if (options.partitionColumn().isPresent()) {
            clauses = strideClauses(schema, options, dialect);
        } else {
            clauses = JdbcPartitioning.whole();
        }
        return new JdbcSource(options, schema, clauses);
    }

    private static StructType resolveSchema(JdbcOptions options, JdbcDialect dialect) {
        try (Connection c = JdbcConnections.open(options); Statement s = c.createStatement()) {
            s.setQueryTimeout(options.queryTimeout());
            ResultSetMetaData md = s.executeQuery("SELECT * FROM " + options.fromClause() + " WHERE 1=0").getMetaData();
            StructType out = new StructType();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out = out.add(md.getColumnLabel(i), JdbcTypes.sparkType(md, i, dialect),
                        md.isNullable(i) != ResultSetMetaData.columnNoNulls);
            }
            return out;
        } catch (SQLException e) {
            throw new JdbcException("Cannot read the schema of " + options.relationName() + " from "
                    + options.shownUrl(), options, e);
        }
    }

    private static StructType applyCustomSchema(StructType schema, Optional<String> ddl) {
        if (ddl.isEmpty()) {
            return schema;
        }
        StructType custom;
        try {
            custom = StructType.fromDDL(ddl.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JDBC option 'customSchema' is not a valid DDL schema: " + e.getMessage(), e);
        }
        StructField[] fields = schema.fields().clone();
        for (StructField f : custom) {
            int at = indexOf(schema, f.name());
            if (at < 0) {
                throw new IllegalArgumentException("JDBC option 'customSchema' names column '" + f.name()
                        + "', which the table does not have; its columns: " + Arrays.toString(schema.fieldNames()));
            }
            fields[at] = new StructField(fields[at].name(), f.dataType(), fields[at].nullable());
        }
        return new StructType(fields);
    }

    private static int indexOf(StructType schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.apply(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stride clauses of {@code partitionColumn}: numeric columns stride over their values,
     * date columns over days and timestamp columns over microseconds (Spark's rule); the bounds
     * are numbers, {@code yyyy-MM-dd} dates or {@code yyyy-MM-dd HH:mm:ss[.f]} timestamps to match.
     */
    private static List<String> strideClauses(StructType schema, JdbcOptions options, JdbcDialect dialect) {
        String name = options.partitionColumn().orElseThrow();
        int at = indexOf(schema, name);
        if (at < 0) {
            throw new IllegalArgumentException("JDBC option 'partitionColumn' names column '" + name
                    + "', which the table does not have; its columns: " + Arrays.toString(schema.fieldNames()));
        }
        String column = dialect.quote(schema.apply(at).name());
        DataType t = schema.apply(at).dataType();
        int n = options.numPartitions();
        if (t instanceof IntegerType || t instanceof LongType || t instanceof DecimalType || t instanceof DoubleType) {
            return JdbcPartitioning.byStride(column, bound("lowerBound", options.lowerBound(), Long::parseLong),
                    bound("upperBound", options.upperBound(), Long::parseLong), n);
        }
        if (t instanceof DateType) {
            return JdbcPartitioning.byStride(column,
                    bound("lowerBound", options.lowerBound(), v -> LocalDate.parse(v).toEpochDay()),
                    bound("upperBound", options.upperBound(), v -> LocalDate.parse(v).toEpochDay()), n,
                    day -> "'" + LocalDate.ofEpochDay(day) + "'");
        }
        if (t instanceof TimestampType) {
            return JdbcPartitioning.byStride(column,
                    bound("lowerBound", options.lowerBound(), JdbcSource::localMicros),
                    bound("upperBound", options.upperBound(), JdbcSource::localMicros), n,
                    micros -> "'" + Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC)) + "'");
        }
        throw new IllegalArgumentException("JDBC option 'partitionColumn': column '" + name + "' is "
                + t.simpleString() + "; the partition column must be numeric, date or timestamp");
    }

    /** Microseconds of a timestamp bound read as a local date-time (compared with the database's own text). */
    private static long localMicros(String text) {
        LocalDateTime t = Timestamp.valueOf(text).toLocalDateTime();
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    private static long bound(String option, String text, ToLongFunction<String> parse) {
        try {
            return parse.applyAsLong(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("JDBC option '" + option + "' does not fit the partition column: '"
                    + text + "' (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String format() {
        return "jdbc";
    }

    @Override
    public StructType schema() {
        return schema;
    }

    /** Unknown: as large as possible, so that a table is never broadcast by accident (as Spark). */
    @Override
    public long sizeInBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public List<String> paths() {
        return List.of();
    }

    /** The number of partitions (tasks, connections) a scan uses. */
    public int numPartitions() {
        return partitionClauses.size();
    }

    @Override
    public RDD<ColumnBatch> scan(EmberContext sc, int[] required, List<SourceFilter> filters, ScanSettings settings) {
        List<JdbcPartitionReader.Query> queries = queries(required, filters);
        DataType[] types = new DataType[required.length];
        for (int i = 0; i < required.length; i++) {
            types[i] = schema.apply(required[i]).dataType();
        }
        JdbcPartitionReader reader = new JdbcPartitionReader(options, types, settings.batchSize());
        return sc.parallelize(queries, queries.size()).mapPartitions(it -> reader.read(it.next()));
    }

    /** The query of each partition. */
    List<JdbcPartitionReader.Query> queries(int[] required, List<SourceFilter> filters) {
        List<String> columns = new ArrayList<>();
        for (int ord : required) {
            columns.add(dialect.quote(schema.apply(ord).name()));
        }
        String select = "SELECT " + (columns.isEmpty() ? "1" : String.join(",", columns)) + " FROM "
                + options.fromClause();
        List<String> pushed = pushedSql(filters);
        List<JdbcPartitionReader.Query> out = new ArrayList<>();
        for (int p = 0; p < partitionClauses.size(); p++) {
            List<String> conditions = new ArrayList<>();
            for (String f : pushed) {
                conditions.add("(" + f + ")");
            }
            if (partitionClauses.get(p) != null) {
                conditions.add("(" + partitionClauses.get(p) + ")");
            }
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            out.add(new JdbcPartitionReader.Query(p, select + where));
        }
        return out;
    }

    private List<String> pushedSql(List<SourceFilter> filters) {
        List<String> out = new ArrayList<>();
        if (options.pushDownPredicate()) {
            for (SourceFilter f : filters) {
                JdbcFilters.compile(f, dialect).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public String describe(int[] required, List<SourceFilter> filters) {
        return "JDBCRelation(" + options.relationName() + ") [numPartitions=" + partitionClauses.size() + "]"
                + ", CompiledFilters: " + pushedSql(filters) + ", Options: " + options;
    }
}
