package io.ember.dataframe.internal.io;

import io.ember.dataframe.internal.io.jdbc.JdbcOptions;
import io.ember.dataframe.internal.io.jdbc.JdbcSource;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data source formats by name, for {@code spark.read().format(name)} and
 * {@code df.write().format(name)}: what each reads and writes, and the options it knows. An
 * option no source of the format knows fails the read or write, naming the closest known option.
 * A new format is one more entry in {@link #FORMATS}.
 */
public final class DataSources {
    private DataSources() {
    }

    /**
     * What a read was asked: its paths (none for a source that is not files), schema (null to
     * infer), options (without {@code path}, which is among the paths) and session settings.
     */
    public record ReadRequest(EmberContext context, List<String> paths, StructType userSchema,
                              DataSourceOptions options, ScanSettings settings) {
    }

    /** What a write was asked: its options, session time zone and default Parquet codec. */
    public record WriteRequest(DataSourceOptions options, String timeZone, String defaultParquetCompression) {
    }

    /** Opens a read. */
    @FunctionalInterface
    public interface Reader {
        /** The source for {@code request}. */
        FileSource read(ReadRequest request);
    }

    /** Opens a write. */
    @FunctionalInterface
    public interface Writer {
        /** The output for {@code request}. */
        OutputFormat output(WriteRequest request);
    }

    /**
     * One format.
     *
     * @param readOptions  the options reads know (besides {@link FileReadOptions#NAMES} for file formats)
     * @param writeOptions the options writes know (besides {@code path})
     * @param reader       null if the format cannot be read
     * @param writer       null if the format cannot be written
     */
    public record Format(String name, Set<String> readOptions, Reader reader, Set<String> writeOptions,
                         Writer writer) {
    }

    private static final Map<String, Format> FORMATS = new LinkedHashMap<>();

    static {
        register(new Format("parquet", fileOptions(Set.of("mergeSchema")),
                r -> ParquetSource.create(index(r), r.userSchema(), r.options().bool("mergeSchema", false)),
                ParquetOutput.NAMES, ParquetOutput::from));
        register(new Format("csv", fileOptions(CsvOptions.READ_NAMES),
                r -> CsvSource.create(r.context(), index(r), CsvOptions.from(r.options().asLowerCaseMap()),
                        r.userSchema(), r.settings()),
                CsvOutput.NAMES, w -> new CsvOutput(CsvOptions.from(w.options().asLowerCaseMap()), w.timeZone())));
        register(new Format("json", fileOptions(JsonOptions.NAMES),
                r -> JsonSource.create(r.context(), index(r), r.userSchema(), JsonOptions.from(r.options()),
                        r.settings()),
                JsonOutput.NAMES, w -> JsonOutput.from(w.options(), w.timeZone())));
        register(new Format("text", fileOptions(TextSource.NAMES), r -> {
            if (r.userSchema() != null) {
                TextOutput.check(r.userSchema());
            }
            return new TextSource(index(r), r.options());
        }, TextOutput.NAMES, w -> TextOutput.from(w.options())));
        // A JDBC write is a job of its own, not files through an OutputFormat: DataFrameWriter
        // runs it (JdbcWriteJob), so the format has no writer here.
        register(new Format("jdbc", Set.copyOf(JdbcOptions.KNOWN), DataSources::readJdbc, Set.of(), null));
    }

    private static FileSource readJdbc(ReadRequest r) {
        if (!r.paths().isEmpty()) {
            throw new IllegalArgumentException("The jdbc format reads no paths; give the table with option "
                    + "'dbtable' or 'query'");
        }
        if (r.userSchema() != null) {
            throw new IllegalArgumentException("User specified schema not supported with 'jdbc'; use option "
                    + "'customSchema'");
        }
        return JdbcSource.create(JdbcOptions.forRead(r.options().asLowerCaseMap(),
                r.context().conf().getAll().toJavaMap()), null);
    }

    private static void register(Format f) {
        FORMATS.put(f.name(), f);
    }

    private static Set<String> fileOptions(Set<String> own) {
        Set<String> all = new HashSet<>(own);
        all.addAll(FileReadOptions.NAMES);
        return Set.copyOf(all);
    }

    /**
     * The files of a file format's read.
     *
     * @throws IllegalArgumentException if no path was given
     */
    private static FileIndex index(ReadRequest r) {
        if (r.paths().isEmpty()) {
            throw new IllegalArgumentException("No path given to read files (give one, or the 'path' option)");
        }
        return FileIndex.list(r.paths(), FileReadOptions.from(r.options(), r.settings().timeZone()));
    }

    /**
     * The format named {@code name} (any case).
     *
     * @throws IllegalArgumentException naming the format and the known ones
     */
    public static Format forName(String name) {
        Format f = FORMATS.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("Unknown data source format '" + name + "'; known: "
                    + String.join(", ", FORMATS.keySet()));
        }
        return f;
    }

    /**
     * Reads with format {@code name}, checking the options first.
     *
     * @throws IllegalArgumentException naming an unknown format or option
     */
    public static FileSource read(String name, ReadRequest request) {
        Format f = forName(name);
        if (f.reader() == null) {
            throw new IllegalArgumentException("Format '" + name + "' cannot be read");
        }
        request.options().requireKnown(f.name() + " read", f.readOptions());
        return f.reader().read(request);
    }

    /**
     * The output of format {@code name}, checking the options first.
     *
     * @throws IllegalArgumentException naming an unknown format or option
     */
    public static OutputFormat output(String name, WriteRequest request) {
        Format f = forName(name);
        if (f.writer() == null) {
            throw new IllegalArgumentException("Format '" + name + "' cannot be written");
        }
        Set<String> known = new HashSet<>(f.writeOptions());
        known.add("path");
        request.options().requireKnown(f.name() + " write", known);
        return f.writer().output(request);
    }
}
