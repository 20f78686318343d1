package io.ember.dataframe;

import io.ember.dataframe.internal.io.CsvOptions;
import io.ember.dataframe.internal.io.DataSourceOptions;
import io.ember.dataframe.internal.io.DataSources;
import io.ember.dataframe.internal.io.FileSource;
import io.ember.dataframe.internal.io.jdbc.JdbcOptions;
import io.ember.dataframe.internal.io.jdbc.JdbcSource;
import io.ember.dataframe.internal.plan.FileScan;
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
 * Reads files into DataFrames ({@code spark.read()}): CSV, Parquet, JSON and text, from a file, a
 * directory (with {@code key=value} partition directories) or a glob; and database tables through
 * JDBC ({@link #jdbc(String, String, Properties)}, or {@code format("jdbc")}). Option names are
 * case-insensitive; an option the format does not know fails the read, naming the closest known
 * one. Every file format knows {@code path}, {@code pathGlobFilter}, {@code recursiveFileLookup},
 * {@code modifiedBefore}, {@code modifiedAfter}, {@code ignoreCorruptFiles} and
 * {@code ignoreMissingFiles}. Reading lists the files and fixes the schema now (inferring it if
 * asked), the data is read by actions.
 */
public final class DataFrameReader {
    private final EmberSession session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format = "parquet";
    private StructType schema;

    DataFrameReader(EmberSession session) {
        this.session = session;
    }

    /**
     * The format for {@link #load}: csv, parquet, json, text or jdbc.
     *
     * @throws IllegalArgumentException naming an unknown format
     */
    public DataFrameReader format(String source) {
        this.format = DataSources.forName(source).name();
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
     * Sets an option (name in any case; a later setting of the same name wins), as Spark names them. CSV
     * knows {@code header}, {@code inferSchema}, {@code sep} ({@code delimiter}), {@code quote}, {@code escape},
     * {@code nullValue}, {@code dateFormat}, {@code timestampFormat}, {@code mode},
     * {@code columnNameOfCorruptRecord}, {@code badRecordsPath}, {@code comment}, {@code encoding}
     * ({@code charset}), {@code ignoreLeadingWhiteSpace}, {@code ignoreTrailingWhiteSpace} and
     * {@code multiLine}; JSON {@code mode}, {@code columnNameOfCorruptRecord}, {@code primitivesAsString},
     * {@code allowComments}, {@code allowUnquotedFieldNames}, {@code allowSingleQuotes},
     * {@code allowNumericLeadingZeros}, {@code dateFormat}, {@code timestampFormat} and {@code multiLine};
     * Parquet {@code mergeSchema}; text {@code lineSep} and {@code wholetext}.
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
        options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
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

    /** Sets a numeric option. */
    public DataFrameReader option(String key, double value) {
        return option(key, Double.toString(value));
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

    /** Reads JSON files (one object per line, or with {@code multiLine} one value per file). */
    public DataFrame json(String... paths) {
        return read("json", paths);
    }

    /** Reads text files: one string column {@code value}, one row per line. */
    public DataFrame text(String... paths) {
        return read("text", paths);
    }

    /** Reads text files as a Dataset of their lines (the {@code value} column of {@link #text}). */
    public Dataset<String> textFile(String... paths) {
        return text(paths).select(Functions.col("value")).as(Encoders.STRING());
    }

    /**
     * Reads with the format set by {@link #format}; with no paths, the {@code path} option's (for
     * jdbc: none, the table comes from option {@code dbtable} or {@code query}).
     */
    public DataFrame load(String... paths) {
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
        List<String> all = new ArrayList<>(Arrays.asList(paths));
        Map<String, String> rest = new LinkedHashMap<>(options);
        String pathOption = null;
        for (String k : List.copyOf(rest.keySet())) {
            if (k.toLowerCase(Locale.ROOT).equals("path")) {
                pathOption = rest.remove(k);
            }
        }
        if (pathOption != null) {
            if (!all.isEmpty()) {
                throw new AnalysisException("There is a 'path' option set (" + pathOption + ") and " + fmt
                        + "() is called with a path " + all + ": give the path one way only.");
            }
            all.add(pathOption);
        }
        FileSource source = DataSources.read(fmt, new DataSources.ReadRequest(session.context(), all, schema,
                new DataSourceOptions(rest), session.execContext().scanSettings()));
        return new DataFrame(session, FileScan.of(source, EmberSession.attributes(source.schema())));
    }
}
