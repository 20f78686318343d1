package io.ember.dataframe;

import io.ember.dataframe.internal.io.DataSourceOptions;
import io.ember.dataframe.internal.io.DataSources;
import io.ember.dataframe.internal.io.FileWriteJob;
import io.ember.dataframe.internal.io.OutputFormat;
import io.ember.dataframe.internal.io.jdbc.JdbcOptions;
import io.ember.dataframe.internal.io.jdbc.JdbcWriteJob;
import io.ember.dataframe.types.StructField;
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
 * Writes a DataFrame's rows to files ({@code df.write()}): Parquet (snappy by default), CSV, JSON
 * lines or text, optionally partitioned into {@code column=value} directories; or into a database
 * table through JDBC ({@link #jdbc}, or {@code format("jdbc")} and {@link #save()}). Output is
 * committed atomically: through the engine's {@code OutputCommitter}, tasks write
 * into a hidden staging directory and the job moves it into place with {@code _SUCCESS} only when
 * every task succeeded; a failed write leaves no partial output, and {@code overwrite} removes the
 * old data only after the new data is complete.
 *
 * <p>Modes ({@link SaveMode} or its name): {@code error}/{@code errorifexists} (default: fail if
 * the path exists), {@code overwrite}, {@code append}, {@code ignore} (do nothing if the path
 * exists). Option names are case-insensitive; an option the format does not know fails the
 * write, naming the closest known one.
 */
public final class DataFrameWriter {
    private final DataFrame df;
    private final Map<String, String> options = new LinkedHashMap<>();
    private SaveMode mode = SaveMode.ErrorIfExists;
    private String format = "parquet";
    private List<String> partitionBy = List.of();

    DataFrameWriter(DataFrame df) {
        this.df = df;
    }

    /** What to do if the path exists. */
    public DataFrameWriter mode(SaveMode saveMode) {
        this.mode = Objects.requireNonNull(saveMode, "saveMode is null");
        return this;
    }

    /**
     * What to do if the path exists: error (default), errorifexists, overwrite, append, ignore.
     *
     * @throws IllegalArgumentException for another mode
     */
    public DataFrameWriter mode(String saveMode) {
        this.mode = switch (saveMode.toLowerCase(Locale.ROOT)) {
            case "error", "errorifexists", "default" -> SaveMode.ErrorIfExists;
            case "overwrite" -> SaveMode.Overwrite;
            case "append" -> SaveMode.Append;
            case "ignore" -> SaveMode.Ignore;
            default -> throw new IllegalArgumentException("Unknown save mode: " + saveMode
                    + ". Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.");
        };
        return this;
    }

    /**
     * The format for {@link #save}: parquet, csv, json, text or jdbc.
     *
     * @throws IllegalArgumentException naming an unknown format
     */
    public DataFrameWriter format(String source) {
        this.format = DataSources.forName(source).name();
        return this;
    }

    /**
     * Sets an option (name in any case; a later setting of the same name wins). Parquet:
     * {@code compression} (snappy, zstd, gzip, none), {@code parquet.block.size} (row group
     * bytes); CSV: {@code header}, {@code sep}, {@code quote}, {@code nullValue},
     * {@code compression} (none, gzip); JSON and text: {@code compression} (none, gzip),
     * {@code lineSep}. Values are checked when the format is known, at {@link #save}.
     */
    public DataFrameWriter option(String key, String value) {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(value, "value of option " + key + " is null");
        options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
        options.put(key, value);
        return this;
    }

    /** Sets a boolean option. */
    // Deliberately the same overloads as DataFrameReader's, as in Spark's API: a shared generic base
    // would put a self type into the public API.
    public DataFrameWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets a numeric option. */
    public DataFrameWriter option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets a numeric option. */
    public DataFrameWriter option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sets several options. */
    public DataFrameWriter options(Map<String, String> opts) {
        opts.forEach(this::option);
        return this;
    }

    /**
     * Partitions the output by the columns named: one directory level per column.
     *
     * @throws AnalysisException naming a column that does not exist
     */
    public DataFrameWriter partitionBy(String... cols) {
        for (String c : cols) {
            if (!Arrays.asList(df.columns()).contains(c)) {
                throw io.ember.dataframe.internal.analysis.Analyzer.unresolved(c, df.plan().output());
            }
        }
        this.partitionBy = new ArrayList<>(Arrays.asList(cols));
        return this;
    }

    /** Writes Parquet files under {@code path}. */
    public void parquet(String path) {
        format = "parquet";
        save(path);
    }

    /** Writes CSV files under {@code path}. */
    public void csv(String path) {
        format = "csv";
        save(path);
    }

    /** Writes JSON lines files under {@code path}. */
    public void json(String path) {
        format = "json";
        save(path);
    }

    /**
     * Writes text files under {@code path}: the DataFrame must have one string column (besides
     * {@link #partitionBy} columns).
     */
    public void text(String path) {
        format = "text";
        save(path);
    }

    /**
     * Writes into the table {@code table} of the database at {@code url}, by the save mode:
     * error if it exists (default), append, overwrite (drop and create, or truncate with option
     * {@code truncate=true}) or ignore. Each partition is inserted in one transaction.
     * {@code properties} hold {@code user}, {@code password} and other JDBC options (see
     * {@link JdbcOptions#KNOWN}).
     */
    public void jdbc(String url, String table, Properties properties) {
        Map<String, String> opts = new LinkedHashMap<>(options);
        properties.stringPropertyNames().forEach(k -> opts.put(k, properties.getProperty(k)));
        opts.put("url", Objects.requireNonNull(url, "url is null"));
        opts.put("dbtable", Objects.requireNonNull(table, "table is null"));
        writeJdbc(opts);
    }

    /**
     * Writes in the format set by {@link #format} under the {@code path} option (jdbc: into the
     * table of option {@code dbtable}).
     *
     * @throws IllegalArgumentException if there is no {@code path} option
     */
    public void save() {
        if (format.equals("jdbc")) {
            writeJdbc(options);
            return;
        }
        String path = pathOption();
        if (path == null) {
            throw new IllegalArgumentException("No path to save to: give save(path) or the 'path' option");
        }
        write(path);
    }

    /**
     * Writes in the format set by {@link #format} under {@code path}.
     *
     * @throws AnalysisException if the {@code path} option is set too
     */
    public void save(String path) {
        Objects.requireNonNull(path, "path is null");
        if (format.equals("jdbc")) {
            throw new IllegalArgumentException("The jdbc format writes no path; give the table with option 'dbtable' "
                    + "and call save()");
        }
        if (pathOption() != null) {
            throw new AnalysisException("There is a 'path' option set (" + pathOption()
                    + ") and save() is called with a path (" + path + "): give the path one way only.");
        }
        write(path);
    }

    private String pathOption() {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase("path")) {
                return e.getValue();
            }
        }
        return null;
    }

    private void writeJdbc(Map<String, String> opts) {
        if (!partitionBy.isEmpty()) {
            throw new AnalysisException("partitionBy() is not supported with the jdbc format");
        }
        EmberSession session = df.sparkSession();
        JdbcOptions jdbc = JdbcOptions.forWrite(opts, session.context().conf().getAll().toJavaMap());
        QueryExecution qe = new QueryExecution(session, session.cacheManager().useCached(df.plan()));
        qe.asExecution(() -> {
            JdbcWriteJob.write(qe.toRdd(), df.schema(), jdbc, mode.toCommitterMode());
            return null;
        });
    }

    private void write(String path) {
        EmberSession session = df.sparkSession();
        RuntimeConfig conf = session.conf();
        OutputFormat out = DataSources.output(format, new DataSources.WriteRequest(new DataSourceOptions(options),
                conf.timeZone(), conf.parquetCompression()));
        StructType written = new StructType();
        for (StructField f : df.schema()) {
            if (!partitionBy.contains(f.name())) {
                written = written.add(f);
            }
        }
        out.checkSchema(written);
        QueryExecution qe = new QueryExecution(session, session.cacheManager().useCached(df.plan()));
        qe.asExecution(() -> FileWriteJob.write(qe.toRdd(), df.schema(), path, mode.toCommitterMode(), out,
                partitionBy, conf.timeZone()));
    }
}
