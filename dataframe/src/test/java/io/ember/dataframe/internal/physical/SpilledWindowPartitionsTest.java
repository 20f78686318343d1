package io.ember.dataframe.internal.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.memory.MemoryManager;
import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.BoundReference;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.physical.spill.SpillableBatchBuffer;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.internal.window.NthValueFunction;
import io.ember.dataframe.internal.window.OffsetFunction;
import io.ember.dataframe.internal.window.RankingFunction;
import io.ember.dataframe.internal.window.WindowExpression;
import io.ember.dataframe.internal.window.WindowFrame;
import io.ember.rdd.internal.shuffle.SpillContext;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of window function and frame computed over window partitions read from a spilled
 * buffer (the path of partitions larger than memory), checked against frames and values computed
 * by definition in plain Java, row by row.
 */
@Timeout(60)
class SpilledWindowPartitionsTest {
    private static final long U = WindowFrame.UNBOUNDED_PRECEDING;
    private static final long F = WindowFrame.UNBOUNDED_FOLLOWING;
    private static final BoundReference P = new BoundReference(0, DataTypes.IntegerType, false, "p");
    private static final BoundReference O = new BoundReference(1, DataTypes.LongType, true, "o");
    private static final BoundReference V = new BoundReference(2, DataTypes.LongType, true, "v");
    private static final BoundReference D = new BoundReference(3, DataTypes.DoubleType, false, "d");
    private static final List<SortOrder> ORDER = List.of(new SortOrder(O, true, true));

    @TempDir
    Path dir;

    /** One input row: partition, order key (nullable), value (nullable), double value. */
    record In(int p, Long o, Long v, double d) {
    }

    /** Rows sorted by p, then o with nulls first: partitions of 1, 7, 0 (absent) and 900 rows, ties and nulls. */
    private static List<In> rows() {
        Random r = new Random(42);
        List<In> out = new ArrayList<>();
        int[] sizes = {1, 7, 900, 33};
        for (int p = 0; p < sizes.length; p++) {
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < sizes[p]; i++) {
                keys.add(r.nextInt(10) == 0 ? null : (long) r.nextInt(sizes[p] / 2 + 1));
            }
            keys.sort((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : Long.compare(a, b));
            for (Long k : keys) {
                out.add(new In(p, k, r.nextInt(7) == 0 ? null : (long) r.nextInt(1000) - 500, r.nextInt(1000) / 8.0));
            }
        }
        return out;
    }

    private SpillableBatchBuffer buffer(List<In> rows, TaskMemoryManager tm) {
        BlockStore store = (BlockStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BlockStore.class}, (proxy, m, a) -> Files.createTempFile(dir, (String) a[0], ".spill"));
        SpillContext ctx = new SpillContext(store, getClass().getClassLoader(), Long.MAX_VALUE);
        SpillableBatchBuffer buffer = new SpillableBatchBuffer(tm, "WindowExec", () -> ctx);
        for (int from = 0; from < rows.size(); from += 64) {
            List<In> part = rows.subList(from, Math.min(rows.size(), from + 64));
            ColumnVector p = ColumnVector.allocate(DataTypes.IntegerType, part.size());
            ColumnVector o = ColumnVector.allocate(DataTypes.LongType, part.size());
            ColumnVector v = ColumnVector.allocate(DataTypes.LongType, part.size());
            ColumnVector d = ColumnVector.allocate(DataTypes.DoubleType, part.size());
            for (In in : part) {
                p.append(in.p);
                o.append(in.o);
                v.append(in.v);
                d.append(in.d);
            }
            buffer.append(new ColumnBatch(new ColumnVector[] {p, o, v, d}, part.size()));
            if (from == 320 || from == 640) {
                buffer.spill(Long.MAX_VALUE, buffer); // files, then more files, then batches in memory
            }
        }
        assertTrue(buffer.spilled());
        return buffer;
    }

    /** Frame of row i (inclusive bounds), by definition. */
    private static int[] frame(List<In> rows, int from, int to, int i, WindowFrame f) {
        if (f.rows()) {
            long lo = f.start() == U ? from : Math.max(from, Math.min(to, (long) i + f.start()));
            long hi = f.end() == F ? to - 1 : Math.min(to - 1, Math.max(from - 1, (long) i + f.end()));
            return new int[] {(int) lo, (int) hi};
        }
        return new int[] {rangeBound(rows, from, to, i, f.start(), true),
            rangeBound(rows, from, to, i, f.end(), false)};
    }

    private static int rangeBound(List<In> rows, int from, int to, int i, long offset, boolean start) {
        if (offset == (start ? U : F)) {
            return start ? from : to - 1;
        }
        Long key = rows.get(i).o;
        int found = start ? to : from - 1;
        for (int j = from; j < to; j++) {
            Long kj = rows.get(j).o;
            boolean in = key == null ? kj == null
                    : kj != null && (start ? kj >= key + offset : kj <= key + offset);
            if (in && start && found == to) {
                found = j;
            }
            if (in && !start) {
                found = j;
            }
        }
        return found;
    }

    private static List<int[]> partitions(List<In> rows) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i).p != rows.get(from).p) {
                out.add(new int[] {from, i});
                from = i;
            }
        }
        return out;
    }

    /** A window function, its frame, and its expected value for row i of partition [from, to) given the frame. */
    record Case(String name, Expression function, WindowFrame frame, Expected expected) {
    }

    @FunctionalInterface
    interface Expected {
        Object value(List<In> rows, int from, int to, int i, int lo, int hi);
    }

    private static Object aggregate(List<In> rows, int lo, int hi, Function<List<In>, Object> f) {
        return f.apply(lo > hi ? List.of() : rows.subList(lo, hi + 1));
    }

    private static Object sumV(List<In> frame) {
        return frame.stream().anyMatch(r -> r.v != null)
                ? frame.stream().filter(r -> r.v != null).mapToLong(In::v).sum() : null;
    }

    private static Object minV(List<In> frame) {
        return frame.stream().filter(r -> r.v != null).map(In::v).min(Long::compare).orElse(null);
    }

    private static Object sumD(List<In> frame) {
        if (frame.isEmpty()) {
            return null;
        }
        double s = 0;
        for (In r : frame) {
            s += r.d;
        }
        return s;
    }

    private static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        WindowFrame[] frames = {WindowFrame.rows(U, 0), WindowFrame.rows(-2, 1), WindowFrame.rows(U, F),
            WindowFrame.rows(1, F), WindowFrame.rows(-3, -1), WindowFrame.range(U, 0), WindowFrame.range(-5, 3),
            WindowFrame.range(0, F), WindowFrame.range(2, 6)};
        for (WindowFrame f : frames) {
            out.add(new Case("sum(v) " + f, new AggregateExpression(AggFn.SUM, V, false, false), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi, SpilledWindowPartitionsTest::sumV)));
            out.add(new Case("min(v) " + f, new AggregateExpression(AggFn.MIN, V, false, false), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi, SpilledWindowPartitionsTest::minV)));
            out.add(new Case("count(v) " + f, new AggregateExpression(AggFn.COUNT, V, false, false), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi,
                            fr -> fr.stream().filter(r -> r.v != null).count())));
            out.add(new Case("sum(d) " + f, new AggregateExpression(AggFn.SUM, D, false, false), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi, SpilledWindowPartitionsTest::sumD)));
            out.add(new Case("first(v, ignoreNulls) " + f, new AggregateExpression(AggFn.FIRST, V, false, true), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi,
                            fr -> fr.stream().filter(r -> r.v != null).map(In::v).findFirst().orElse(null))));
            out.add(new Case("last(v) " + f, new AggregateExpression(AggFn.LAST, V, false, false), f,
                    (rows, from, to, i, lo, hi) -> lo > hi ? null : rows.get(hi).v));
            out.add(new Case("nth_value(v, 2, ignoreNulls) " + f, new NthValueFunction(V, 2, true), f,
                    (rows, from, to, i, lo, hi) -> aggregate(rows, lo, hi,
                            fr -> fr.stream().filter(r -> r.v != null).map(In::v).skip(1).findFirst().orElse(null))));
        }
        out.add(new Case("row_number", new RankingFunction(RankingFunction.Kind.ROW_NUMBER), null,
                (rows, from, to, i, lo, hi) -> i - from + 1));
        out.add(new Case("rank", new RankingFunction(RankingFunction.Kind.RANK), null,
                (rows, from, to, i, lo, hi) -> firstPeer(rows, from, i) - from + 1));
        out.add(new Case("dense_rank", new RankingFunction(RankingFunction.Kind.DENSE_RANK), null,
                (rows, from, to, i, lo, hi) -> {
                    int groups = 0;
                    for (int j = from; j <= i; j++) {
                        groups += firstPeer(rows, from, j) == j ? 1 : 0;
                    }
                    return groups;
                }));
        out.add(new Case("cume_dist", new RankingFunction(RankingFunction.Kind.CUME_DIST), null,
                (rows, from, to, i, lo, hi) -> {
                    int end = i + 1;
                    while (end < to && java.util.Objects.equals(rows.get(end).o, rows.get(i).o)) {
                        end++;
                    }
                    return (double) (end - from) / (to - from);
                }));
        out.add(new Case("percent_rank", new RankingFunction(RankingFunction.Kind.PERCENT_RANK), null,
                (rows, from, to, i, lo, hi) -> to - from == 1 ? 0.0
                        : (double) (firstPeer(rows, from, i) - from) / (to - from - 1)));
        out.add(new Case("ntile(4)", RankingFunction.ntile(4), null, (rows, from, to, i, lo, hi) -> {
            int size = to - from;
            int per = size / 4;
            int extra = size % 4;
            int pos = i - from;
            return pos < extra * (per + 1) ? pos / (per + 1) + 1 : extra + (pos - extra * (per + 1)) / per + 1;
        }));
        out.add(new Case("lag(v, 2, -1)", new OffsetFunction(false, V, 2, new Literal(-1L, DataTypes.LongType)), null,
                (rows, from, to, i, lo, hi) -> i - 2 >= from ? rows.get(i - 2).v : (Object) (-1L)));
        out.add(new Case("lead(v, 1)", new OffsetFunction(true, V, 1, new Literal(null, DataTypes.LongType)), null,
                (rows, from, to, i, lo, hi) -> i + 1 < to ? rows.get(i + 1).v : null));
        return out;
    }

    private static Object normalize(Object value) {
        return value instanceof Integer n ? (Object) n.longValue() : value;
    }

    private static int firstPeer(List<In> rows, int from, int i) {
        int j = i;
        while (j > from && java.util.Objects.equals(rows.get(j - 1).o, rows.get(i).o)) {
            j--;
        }
        return j;
    }

    @Test
    void everyFunctionAndFrame_overASpilledBuffer_matchesDefinition() {
        List<In> rows = rows();
        List<int[]> parts = partitions(rows);
        long[] starts = new long[parts.size() + 1];
        for (int k = 0; k < parts.size(); k++) {
            starts[k] = parts.get(k)[0];
        }
        starts[parts.size()] = rows.size();
        List<Case> cases = cases();
        List<WindowEvaluator> evaluators = new ArrayList<>();
        for (Case c : cases) {
            evaluators.add(WindowEvaluator.create(WindowExpression.of(c.function, List.of(P), ORDER, c.frame)));
        }
        RowOrdering order = new RowOrdering(new Expression[] {O}, ORDER);
        TaskMemoryManager tm = new TaskMemoryManager(new MemoryManager(1L << 30, 0), 1);
        SpillableBatchBuffer buffer = buffer(rows, tm);
        SpilledWindowPartitions out = new SpilledWindowPartitions(buffer, starts, evaluators, order);
        int i = 0;
        int part = 0;
        while (out.hasNext()) {
            ColumnBatch b = out.next();
            for (int r = 0; r < b.numRows; r++, i++) {
                while (i >= parts.get(part)[1]) {
                    part++;
                }
                int from = parts.get(part)[0];
                int to = parts.get(part)[1];
                assertEquals(rows.get(i).v, b.column(2).get(r), "row " + i + " passes through");
                for (int c = 0; c < cases.size(); c++) {
                    Case k = cases.get(c);
                    WindowFrame f = evaluators.get(c) instanceof WindowEvaluator.Rank
                            || evaluators.get(c) instanceof WindowEvaluator.Offset ? WindowFrame.rows(0, 0) : k.frame;
                    int[] lohi = frame(rows, from, to, i, f);
                    Object expected = k.expected.value(rows, from, to, i, lohi[0], lohi[1]);
                    Object actual = b.column(4 + c).get(r);
                    if (expected instanceof Double e && actual instanceof Double a) {
                        assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), k.name + " at row " + i);
                    } else {
                        assertEquals(normalize(expected), normalize(actual), k.name + " at row " + i);
                    }
                }
            }
        }
        assertEquals(rows.size(), i);
        assertEquals(0, tm.used(), "the buffer was closed once read");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "spill files deleted");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
