package io.ember.dataframe.internal.plan.stats;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.plan.FileScan;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.DataType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Statistics of the relations a plan reads: a range and a local relation exactly (a local
 * relation's distinct counts are counted when it has at most {@value #MAX_COUNTED_ROWS} rows), a
 * Parquet source from its footers (rows, ranges, null counts, and the distinct counts of
 * dictionary-encoded columns), other file sources from their size over the estimated width of a
 * row. Every column records its relation's rows.
 */
final class LeafStatistics {
    static final int MAX_COUNTED_ROWS = 100_000;

    private LeafStatistics() {
    }

    static RowEstimate range(RangeRelation r) {
        long n = r.count();
        ColumnStat id = new ColumnStat(n, Double.NaN, Double.NaN, 0, n);
        if (n > 0) {
            double first = r.start();
            double last = r.start() + (double) (n - 1) * r.step();
            id = id.withRange(Math.min(first, last), Math.max(first, last));
        }
        return new RowEstimate(n, Map.of(r.id().exprId(), id));
    }

    static RowEstimate local(LocalRelation r) {
        long rows = r.rowCount();
        Map<Long, ColumnStat> columns = new HashMap<>();
        List<AttributeReference> output = r.output();
        for (int c = 0; c < output.size(); c++) {
            columns.put(output.get(c).exprId(), counted(r.batches(), c, output.get(c).dataType(), rows));
        }
        return new RowEstimate(rows, columns);
    }

    private static ColumnStat counted(List<ColumnBatch> batches, int c, DataType type, long rows) {
        boolean ordered = NumericDomain.ordered(type);
        boolean countDistinct = rows <= MAX_COUNTED_ROWS && !(type instanceof BinaryType) && !(type instanceof ArrayType);
        Set<Object> distinct = new HashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nulls = 0;
        for (ColumnBatch b : batches) {
            ColumnVector v = b.columns[c];
            for (int i = 0; i < b.numRows; i++) {
                if (v.isNull(i)) {
                    nulls++;
                    continue;
                }
                Object value = v.get(i);
                if (countDistinct) {
                    distinct.add(value);
                }
                if (ordered) {
                    double p = NumericDomain.of(value);
                    min = Math.min(min, p);
                    max = Math.max(max, p);
                }
            }
        }
        boolean ranged = ordered && min <= max;
        return new ColumnStat(countDistinct ? distinct.size() : -1, ranged ? min : Double.NaN,
                ranged ? max : Double.NaN, nulls, rows);
    }

    static RowEstimate file(FileScan scan, ParquetFooterStats footers) {
        Optional<ParquetFooterStats.TableStats> table = scan.source().format().equals("parquet")
                ? footers.of(scan.source()) : Optional.empty();
        if (table.isEmpty()) {
            long width = 8;
            for (AttributeReference a : scan.fullOutput()) {
                width += a.dataType().defaultSize();
            }
            long rows = Math.max(1, (scan.source().sizeInBytes() + width - 1) / width);
            Map<Long, ColumnStat> columns = new HashMap<>();
            for (AttributeReference a : scan.fullOutput()) {
                columns.put(a.exprId(), ColumnStat.ofSource(rows));
            }
            return new RowEstimate(rows, columns);
        }
        long rows = table.get().rows();
        Map<Long, ColumnStat> columns = new HashMap<>();
        for (AttributeReference a : scan.fullOutput()) {
            ColumnStat s = byName(table.get().columns(), a.name());
            columns.put(a.exprId(), s == null ? ColumnStat.ofSource(rows)
                    : new ColumnStat(s.distinctCount(), s.min(), s.max(), s.nullCount(), rows));
        }
        return new RowEstimate(rows, columns);
    }

    private static ColumnStat byName(Map<String, ColumnStat> columns, String name) {
        ColumnStat s = columns.get(name);
        if (s != null) {
            return s;
        }
        for (Map.Entry<String, ColumnStat> e : columns.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The distinct count of a column: counted if known, else for whole numbers the values its
     * range holds (a key numbered 1..2000 has at most 2000), at most {@code rows}; -1 if neither.
     */
    static long distinctEstimate(ColumnStat s, DataType type, long rows) {
        if (s.hasDistinctCount()) {
            return s.distinctCount();
        }
        if (!s.hasRange() || !NumericDomain.integral(type)) {
            return -1;
        }
        long nonNull = s.hasNullCount() ? Math.max(0, rows - s.nullCount()) : rows;
        return (long) Math.min(nonNull, s.max() - s.min() + 1);
    }
}
