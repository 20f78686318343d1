package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.io.FileIndex;
import io.ember.dataframe.internal.io.FileSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Table statistics from the footers of a Parquet source's files: the row count, and per
 * top-level column the range of values and the null count, merged over every row group (a
 * part missing from any row group is unknown for the table). Footers carry no distinct counts;
 * a column of strings, floating point or byte arrays whose every chunk is wholly dictionary
 * encoded has one from its dictionaries' sizes ({@link DictionarySize}, {@link #distinctOfRowGroups}).
 *
 * <p>Each source's footers are read once per instance (one footer read per file); an instance
 * belongs to one query's {@link StatsEstimator}. A footer that cannot be read leaves the whole
 * source without footer statistics (logged): the estimate falls back to the file sizes, and the
 * scan itself reports the unreadable file when it runs.
 */
final class ParquetFooterStats {
    private static final System.Logger LOG = System.getLogger(ParquetFooterStats.class.getName());

    /** A table's row count and its columns' statistics by name. */
    record TableStats(long rows, Map<String, ColumnStat> columns) {
    }

    private final Map<FileSource, Optional<TableStats>> bySource = new IdentityHashMap<>();

    /** The statistics of {@code source} (a Parquet source), empty when a footer cannot be read. */
    Optional<TableStats> of(FileSource source) {
        return bySource.computeIfAbsent(source, ParquetFooterStats::read);
    }

    private static Optional<TableStats> read(FileSource source) {
        long rows = 0;
        Map<String, Merged> columns = new HashMap<>();
        List<FileIndex.InputFile> files = FileIndex.list(source.paths()).files();
        for (FileIndex.InputFile f : files) {
            try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(f.path())), options());
                 FileChannel channel = FileChannel.open(Path.of(f.path()), StandardOpenOption.READ)) {
                ParquetMetadata footer = r.getFooter();
                MessageType schema = footer.getFileMetaData().getSchema();
                for (BlockMetaData block : footer.getBlocks()) {
                    rows += block.getRowCount();
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        if (c.getPath().size() != 1) {
                            continue;
                        }
                        String name = c.getPath().toDotString();
                        Type t = schema.getType(name);
                        Merged merged = columns.computeIfAbsent(name, k -> new Merged());
                        merged.add(c, t.isPrimitive() ? t.asPrimitiveType() : null);
                        merged.addDictionary(rangeCounts(t) ? -1 : DictionarySize.of(c, channel), block.getRowCount());
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "No footer statistics for " + source.paths() + ": cannot read "
                        + f.path() + " (" + e + "); estimating its rows from the file sizes");
                return Optional.empty();
            }
        }
        Map<String, ColumnStat> out = new HashMap<>();
        for (Map.Entry<String, Merged> e : columns.entrySet()) {
            out.put(e.getKey(), e.getValue().stat());
        }
        return Optional.of(new TableStats(rows, out));
    }

    /**
     * Whether a column's distinct values are bounded by its range already (whole numbers: a key
     * numbered 1..2000 has at most 2000), so its dictionaries need not be read: a dictionary
     * header is a read of its own per row group and column, which every query planned pays.
     */
    private static boolean rangeCounts(Type t) {
        if (!t.isPrimitive()) {
            return true;
        }
        PrimitiveType.PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
        return p == PrimitiveType.PrimitiveTypeName.INT32 || p == PrimitiveType.PrimitiveTypeName.INT64
                || p == PrimitiveType.PrimitiveTypeName.BOOLEAN;
    }

    private static ParquetReadOptions options() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    }

    /** One column's statistics merged over row groups; owned by the one {@link #read} that fills it. */
    private static final class Merged {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private boolean rangeKnown = true;
        private long nulls;
        private boolean nullsKnown = true;
        private boolean distinctKnown = true;
        private long largestDictionary;
        private long dictionaryTotal;
        private boolean mostlyUnique;

        void add(ColumnChunkMetaData c, PrimitiveType type) {
            Statistics<?> s = c.getStatistics();
            if (s == null || s.isEmpty()) {
                rangeKnown = false;
                nullsKnown = false;
                return;
            }
            if (s.isNumNullsSet()) {
                nulls += s.getNumNulls();
            } else {
                nullsKnown = false;
            }
            if (!s.hasNonNullValue()) {
                return;
            }
            double lo = type == null ? Double.NaN : place(s.genericGetMin(), type);
            double hi = type == null ? Double.NaN : place(s.genericGetMax(), type);
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                rangeKnown = false;
            } else {
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
        }

        /** A row group's chunk of {@code rows} rows had {@code entries} dictionary entries, or -1 if not known. */
        void addDictionary(long entries, long rows) {
            if (entries < 0) {
                distinctKnown = false;
                return;
            }
            largestDictionary = Math.max(largestDictionary, entries);
            dictionaryTotal += entries;
            mostlyUnique |= entries * 2 > rows;
        }

        ColumnStat stat() {
            boolean range = rangeKnown && min <= max;
            long distinct = distinctKnown ? distinctOfRowGroups(largestDictionary, dictionaryTotal, mostlyUnique) : -1;
            return new ColumnStat(distinct, range ? min : Double.NaN, range ? max : Double.NaN,
                    nullsKnown ? nulls : -1, -1);
        }
    }

    /**
     * A table's distinct count from its row groups' dictionaries: the table has at least the
     * largest and at most all of them together. Where every row group repeats its values (each
     * dictionary at most half its rows: a type, a flag, a date), row groups are taken to share
     * their values, so the largest; where a row group is mostly distinct values (a name, a key),
     * they are taken to be different ones, so the sum.
     */
    static long distinctOfRowGroups(long largest, long total, boolean mostlyUnique) {
        return mostlyUnique ? total : largest;
    }

    /**
     * A footer value on Ember's number line (see {@link NumericDomain}): integers, floats,
     * decimals by value, dates as days, timestamps as microseconds; NaN for what has no place.
     */
    static double place(Object v, PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigInteger unscaled = v instanceof Binary b ? new BigInteger(b.getBytes())
                    : v instanceof Number n ? BigInteger.valueOf(n.longValue()) : null;
            return unscaled == null ? Double.NaN : new BigDecimal(unscaled, d.getScale()).doubleValue();
        }
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts && v instanceof Long l) {
            return switch (ts.getUnit()) {
                case MILLIS -> l * 1000.0;
                case MICROS -> l;
                case NANOS -> Math.floorDiv(l, 1000L);
            };
        }
        boolean plainNumber = a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation;
        if (plainNumber && (v instanceof Integer || v instanceof Long || v instanceof Float || v instanceof Double)) {
            return ((Number) v).doubleValue();
        }
        return Double.NaN;
    }
}
