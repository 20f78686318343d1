package io.ember.dataframe;

import io.ember.dataframe.io.CsvOptions;
import io.ember.dataframe.io.CsvSource;
import io.ember.dataframe.io.FileIndex;
import io.ember.dataframe.io.FileSource;
import io.ember.dataframe.io.ParquetSource;
import io.ember.dataframe.io.TextSource;
import io.ember.dataframe.io.jdbc.JdbcOptions;
import io.ember.dataframe.io.jdbc.JdbcSource;
import io.ember.dataframe.plan.FileScan;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Reads files into DataFrames ({@code spark.read()}): CSV, Parquet, JSON lines and text, from a
 * file, a directory (with {@code key=value} partition directories) or a glob. Options are checked
 * as they are set; reading lists the files and fixes the schema now (inferring it if asked), the
 * data is read by actions.
 */
public final class DataFrameReader {
    private final EmberSession session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format = "parquet";
    private StructType schema;

    DataFrameReader(EmberSession session) {
        this.session = session;
    }

    /** The format for {@link #load}: csv, parquet, json, text or jdbc. */
    public DataFrameReader format(String source) {
        String f = source.toLowerCase(Locale.ROOT);
        if (!List.of("csv", "parquet", "json", "text", "jdbc").contains(f)) {
            throw new IllegalArgumentException("Unknown data source format '" + source
                    + "'; known: csv, parquet, json, text, jdbc");
        }
        this.format = f;
        return this;
    }

    /** The schema to read with (no inference). */
    public DataFrameReader schema(StructType schema) {
        this.schema = Objects.requireNonNull(schema, "schema is null");
        return this;
    }

    /** The schema as a DDL string, e.g. {@code "VendorID INT, fare_amount DOUBLE"}. */
    public DataFrameReader schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /**
     * Sets an option (see {@link CsvOptions} for CSV's; Parquet knows {@code mergeSchema}).
     *
     * @throws IllegalArgumentException naming the option if the value is bad
     */
    public DataFrameReader option(String key, String value) {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(value, "value of option " + key + " is null");
        if (format.equals("jdbc")) {
            JdbcOptions.check(key, value);
        } else {
            CsvOptions.check(key, value);
        }
        options.put(key, value);
        return this;
    }

    /** Sets a boolean option. */
    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets a numeric option. */
    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets several options. */
    public DataFrameReader options(Map<String, String> opts) {
        opts.forEach(this::option);
        return this;
    }

    /** Reads CSV files. */
    public DataFrame csv(String... paths) {
        return read("csv", paths);
    }

    /** Reads Parquet files. */
    public DataFrame parquet(String... paths) {
        return read("parquet", paths);
    }

    /** Reads JSON lines files (one object per line). */
    public DataFrame json(String... paths) {
        return read("json", paths);
    }

    /** Reads text files: one string column {@code value}, one row per line. */
    public DataFrame text(String... paths) {
        return read("text", paths);
    }

    /** Reads with the format set by {@link #format} (for jdbc: from the options, without paths). */
    public DataFrame load(String... paths) {
        if (format.equals("jdbc")) {
            if (paths.length > 0) {
                throw new IllegalArgumentException("The jdbc format reads no paths; give the table with option "
                        + "'dbtable' or 'query'");
            }
            return readJdbc(options, null);
        }
        return read(format, paths);
    }

    /**
     * Reads the table {@code table} (or a parenthesised subquery with an alias) of the database at
     * {@code url} in one partition; {@code properties} hold {@code user}, {@code password} and
     * other JDBC options (see {@link JdbcOptions#KNOWN}).
     */
    public DataFrame jdbc(String url, String table, Properties properties) {
        return readJdbc(jdbcOptions(url, table, properties), null);
    }

    /**
     * Reads {@code table} in {@code numPartitions} partitions split by stride over the numeric
     * {@code columnName}; the bounds decide the stride only, every row is read.
     */
    public DataFrame jdbc(String url, String table, String columnName, long lowerBound, long upperBound,
                          int numPartitions, Properties properties) {
        Map<String, String> opts = jdbcOptions(url, table, properties);
        opts.put("partitionColumn", columnName);
        opts.put("lowerBound", Long.toString(lowerBound));
        opts.put("upperBound", Long.toString(upperBound));
        opts.put("numPartitions", Integer.toString(numPartitions));
        return readJdbc(opts, null);
    }

    /** Reads {@code table} in one partition per predicate, each the WHERE of its partition's query. */
    public DataFrame jdbc(String url, String table, String[] predicates, Properties properties) {
        return readJdbc(jdbcOptions(url, table, properties), Objects.requireNonNull(predicates, "predicates is null"));
    }

    private Map<String, String> jdbcOptions(String url, String table, Properties properties) {
        Map<String, String> opts = new LinkedHashMap<>(options);
        properties.stringPropertyNames().forEach(k -> opts.put(k, properties.getProperty(k)));
        opts.put("url", Objects.requireNonNull(url, "url is null"));
        opts.put("dbtable", Objects.requireNonNull(table, "table is null"));
        return opts;
    }

    private DataFrame readJdbc(Map<String, String> opts, String[] predicates) {
        if (schema != null) {
            throw new AnalysisException("User specified schema not supported with 'jdbc'; use option 'customSchema'");
        }
        JdbcSource source = JdbcSource.create(JdbcOptions.forRead(opts, session.context().conf().getAll().toJavaMap()), predicates);
        return new DataFrame(session, FileScan.of(source, EmberSession.attributes(source.schema())));
    }

    private DataFrame read(String fmt, String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("No path given to read " + fmt);
        }
        FileIndex index = FileIndex.list(new ArrayList<>(Arrays.asList(paths)));
        var settings = session.execContext().scanSettings();
        FileSource source = switch (fmt) {
            case "csv" -> CsvSource.create(session.context(), index, CsvOptions.from(options), schema, settings);
            case "parquet" -> ParquetSource.create(index, schema,
                    Boolean.parseBoolean(lower().getOrDefault("mergeschema", "false")));
            case "text" -> new TextSource(index);
            case "json" -> io.ember.dataframe.io.JsonSource.create(session.context(), index, schema, settings);
            default -> throw new IllegalArgumentException("Unknown format " + fmt);
        };
        return new DataFrame(session, FileScan.of(source, EmberSession.attributes(source.schema())));
    }

    private Map<String, String> lower() {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
