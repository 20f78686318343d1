package io.ember.dataframe;

import io.ember.dataframe.io.CsvOptions;
import io.ember.dataframe.io.CsvOutput;
import io.ember.dataframe.io.FileWriteJob;
import io.ember.dataframe.io.OutputFormat;
import io.ember.dataframe.io.ParquetOutput;
import io.ember.dataframe.io.jdbc.JdbcOptions;
import io.ember.dataframe.io.jdbc.JdbcWriteJob;
import io.ember.rdd.io.OutputCommitter.SaveMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Writes a DataFrame's rows to files ({@code df.write()}): Parquet (snappy by default) or CSV,
 * optionally partitioned into {@code column=value} directories. Output is committed atomically:
 * through the engine's {@link io.ember.rdd.io.OutputCommitter}, tasks write into a hidden staging
 * directory and the job moves it into place with
 * {@code _SUCCESS} only when every task succeeded; a failed write leaves no partial output, and
 * {@code overwrite} removes the old data only after the new data is complete.
 *
 * <p>Modes: {@code error}/{@code errorifexists} (default: fail if the path exists),
 * {@code overwrite}, {@code append}, {@code ignore} (do nothing if the path exists).
 */
public final class DataFrameWriter {
    private final DataFrame df;
    private final Map<String, String> options = new LinkedHashMap<>();
    private SaveMode mode = SaveMode.ERROR;
    private String format = "parquet";
    private List<String> partitionBy = List.of();

    DataFrameWriter(DataFrame df) {
        this.df = df;
    }

    /**
     * What to do if the path exists: error (default), errorifexists, overwrite, append, ignore.
     *
     * @throws IllegalArgumentException for another mode
     */
    public DataFrameWriter mode(String saveMode) {
        this.mode = switch (saveMode.toLowerCase(Locale.ROOT)) {
            case "error", "errorifexists", "default" -> SaveMode.ERROR;
            case "overwrite" -> SaveMode.OVERWRITE;
            case "append" -> SaveMode.APPEND;
            case "ignore" -> SaveMode.IGNORE;
            default -> throw new IllegalArgumentException("Unknown save mode: " + saveMode
                    + ". Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.");
        };
        return this;
    }

    /** The format for {@link #save}: parquet, csv or jdbc. */
    public DataFrameWriter format(String source) {
        String f = source.toLowerCase(Locale.ROOT);
        if (!f.equals("parquet") && !f.equals("csv") && !f.equals("jdbc")) {
            throw new IllegalArgumentException("Unknown output format '" + source + "'; known: parquet, csv, jdbc");
        }
        this.format = f;
        return this;
    }

    /**
     * Sets an option: {@code compression} (parquet: snappy, zstd, gzip, none; csv: none, gzip),
     * {@code parquet.block.size} (row group bytes), CSV's {@code header}, {@code sep},
     * {@code quote}, {@code nullValue}.
     *
     * @throws IllegalArgumentException naming the option if the value is bad
     */
    public DataFrameWriter option(String key, String value) {
        Objects.requireNonNull(value, "value of option " + key + " is null");
        String k = key.toLowerCase(Locale.ROOT);
        if (format.equals("jdbc")) {
            JdbcOptions.check(key, value);
        } else if (k.equals("compression") || k.equals("codec")) {
            String c = value.toLowerCase(Locale.ROOT);
            if (!List.of("snappy", "zstd", "gzip", "none", "uncompressed").contains(c)) {
                throw new IllegalArgumentException("Option 'compression' must be snappy, zstd, gzip or none, got '"
                        + value + "'");
            }
        } else if (k.equals("parquet.block.size")) {
            try {
                if (Long.parseLong(value) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option 'parquet.block.size' must be a positive number of bytes, got '"
                        + value + "'");
            }
        } else {
            CsvOptions.check(key, value);
        }
        options.put(key, value);
        return this;
    }

    /** Sets a boolean option. */
    public DataFrameWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets a numeric option. */
    public DataFrameWriter option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /**
     * Partitions the output by the columns named: one directory level per column.
     *
     * @throws AnalysisException naming a column that does not exist
     */
    public DataFrameWriter partitionBy(String... cols) {
        for (String c : cols) {
            if (!Arrays.asList(df.columns()).contains(c)) {
                throw Analyzer0.unresolved(c, df);
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

    /** Writes with the format set by {@link #format} when it needs no path (jdbc). */
    public void save() {
        if (!format.equals("jdbc")) {
            throw new IllegalArgumentException("Format '" + format + "' needs a path: use save(path)");
        }
        writeJdbc(options);
    }

    private void writeJdbc(Map<String, String> opts) {
        if (!partitionBy.isEmpty()) {
            throw new AnalysisException("partitionBy() is not supported with the jdbc format");
        }
        EmberSession session = df.sparkSession();
        JdbcOptions jdbc = JdbcOptions.forWrite(opts, session.context().conf().getAll().toJavaMap());
        QueryExecution qe = new QueryExecution(session, session.cacheManager().useCached(df.plan()));
        qe.asExecution(() -> {
            JdbcWriteJob.write(qe.toRdd(), df.schema(), jdbc, mode);
            return null;
        });
    }

    /** Writes in the format set by {@link #format} under {@code path}. */
    public void save(String path) {
        Objects.requireNonNull(path, "path is null");
        if (format.equals("jdbc")) {
            throw new IllegalArgumentException("The jdbc format writes no path; give the table with option 'dbtable' "
                    + "and call save()");
        }
        EmberSession session = df.sparkSession();
        RuntimeConfig conf = session.conf();
        Map<String, String> lower = new LinkedHashMap<>();
        options.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        OutputFormat out;
        if (format.equals("parquet")) {
            String codec = lower.getOrDefault("compression", lower.getOrDefault("codec", conf.parquetCompression()))
                    .toLowerCase(Locale.ROOT);
            out = new ParquetOutput(codec.equals("uncompressed") ? "none" : codec,
                    Long.parseLong(lower.getOrDefault("parquet.block.size", "134217728")));
        } else {
            Map<String, String> csv = new LinkedHashMap<>(options);
            csv.remove("parquet.block.size");
            out = new CsvOutput(CsvOptions.from(csv), conf.timeZone());
        }
        QueryExecution qe = new QueryExecution(session, session.cacheManager().useCached(df.plan()));
        qe.asExecution(() -> FileWriteJob.write(qe.toRdd(), df.schema(), path, mode, out, partitionBy,
                conf.timeZone()));
    }

    /** Builds the unknown-column error for {@link #partitionBy}. */
    private static final class Analyzer0 {
        static AnalysisException unresolved(String c, DataFrame df) {
            return io.ember.dataframe.analysis.Analyzer.unresolved(c, df.plan().output());
        }
    }
}
