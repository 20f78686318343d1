package io.ember.dataframe.batch;

import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.TimestampType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link ColumnBatch}: a primitive array (or an object array for strings,
 * decimals, binaries and arrays) plus a null mask.
 *
 * <p>Design notes. One class for every type keeps operators generic and Kryo-friendly (plain
 * fields, arrays, no per-value objects for primitives). Which array is used follows
 * {@link #kindOf}: booleans in {@code booleans}; int and date (days since the epoch) in
 * {@code ints}; bigint and timestamp (microseconds since the epoch) in {@code longs}; double in
 * {@code doubles}; everything else in {@code objects}, as internal values ({@link String},
 * {@link BigDecimal}, {@code byte[]}, {@link List}). {@code nulls} is null while no value is null.
 * A vector grows as values are appended; {@link #size} counts the valid entries.
 */
public final class ColumnVector implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Physical kinds. */
    public static final int BOOLEAN = 0;
    public static final int INT = 1;
    public static final int LONG = 2;
    public static final int DOUBLE = 3;
    public static final int OBJECT = 4;

    public DataType type;
    public int kind;
    public int size;
    public boolean[] nulls;
    public boolean[] booleans;
    public int[] ints;
    public long[] longs;
    public double[] doubles;
    public Object[] objects;

    private ColumnVector() {
        // for Kryo
    }

    private ColumnVector(DataType type, int capacity) {
        this.type = Objects.requireNonNull(type, "type is null");
        this.kind = kindOf(type);
        int cap = Math.max(capacity, 0);
        switch (kind) {
            case BOOLEAN -> booleans = new boolean[cap];
            case INT -> ints = new int[cap];
            case LONG -> longs = new long[cap];
            case DOUBLE -> doubles = new double[cap];
            default -> objects = new Object[cap];
        }
    }

    /** The physical kind of values of {@code type}. */
    public static int kindOf(DataType type) {
        if (type instanceof BooleanType) {
            return BOOLEAN;
        } else if (type instanceof IntegerType || type instanceof DateType) {
            return INT;
        } else if (type instanceof LongType || type instanceof TimestampType) {
            return LONG;
        } else if (type instanceof DoubleType) {
            return DOUBLE;
        }
        return OBJECT;
    }

    /** An empty vector with room for {@code capacity} values. */
    public static ColumnVector allocate(DataType type, int capacity) {
        return new ColumnVector(type, capacity);
    }

    /** {@code n} copies of one internal value (null allowed). */
    public static ColumnVector constant(DataType type, Object value, int n) {
        ColumnVector v = new ColumnVector(type, n);
        v.size = n;
        if (value == null) {
            v.nulls = new boolean[n];
            Arrays.fill(v.nulls, true);
            return v;
        }
        switch (v.kind) {
            case BOOLEAN -> Arrays.fill(v.booleans, (Boolean) value);
            case INT -> Arrays.fill(v.ints, ((Number) value).intValue());
            case LONG -> Arrays.fill(v.longs, ((Number) value).longValue());
            case DOUBLE -> Arrays.fill(v.doubles, ((Number) value).doubleValue());
            default -> Arrays.fill(v.objects, value);
        }
        return v;
    }

    /** Wraps arrays as a vector of {@code n} values (no copy); {@code nulls} may be null. */
    public static ColumnVector ofBooleans(DataType type, boolean[] values, boolean[] nulls, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = BOOLEAN;
        v.booleans = values;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    /** Wraps arrays as an int (or date) vector of {@code n} values (no copy). */
    public static ColumnVector ofInts(DataType type, int[] values, boolean[] nulls, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = INT;
        v.ints = values;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    /** Wraps arrays as a long (or timestamp) vector of {@code n} values (no copy). */
    public static ColumnVector ofLongs(DataType type, long[] values, boolean[] nulls, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = LONG;
        v.longs = values;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    /** Wraps arrays as a double vector of {@code n} values (no copy). */
    public static ColumnVector ofDoubles(DataType type, double[] values, boolean[] nulls, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = DOUBLE;
        v.doubles = values;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    /** Wraps an object array as a vector of {@code n} values; nulls are taken from the array. */
    public static ColumnVector ofObjects(DataType type, Object[] values, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = OBJECT;
        v.objects = values;
        v.size = n;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                if (v.nulls == null) {
                    v.nulls = new boolean[Math.max(n, values.length)];
                }
                v.nulls[i] = true;
            }
        }
        return v;
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Whether value {@code i} is null. */
    public boolean isNull(int i) {
        return nulls != null && nulls[i];
    }

    /** Whether any value may be null (false means none is). */
    public boolean mayHaveNulls() {
        return nulls != null;
    }

    /** Value {@code i} as a boxed internal value, or null. */
    public Object get(int i) {
        if (isNull(i)) {
            return null;
        }
        return switch (kind) {
            case BOOLEAN -> booleans[i];
            case INT -> ints[i];
            case LONG -> longs[i];
            case DOUBLE -> doubles[i];
            default -> objects[i];
        };
    }

    /** Value {@code i} as a double (numeric kinds and decimals). */
    public double getAsDouble(int i) {
        return switch (kind) {
            case INT -> ints[i];
            case LONG -> longs[i];
            case DOUBLE -> doubles[i];
            default -> ((BigDecimal) objects[i]).doubleValue();
        };
    }

    // ---- writing -------------------------------------------------------------------------------

    private void ensure(int capacity) {
        int cap = capacity();
        if (capacity <= cap) {
            return;
        }
        int newCap = Math.max(capacity, Math.max(16, cap * 2));
        switch (kind) {
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, newCap);
            case INT -> ints = Arrays.copyOf(ints, newCap);
            case LONG -> longs = Arrays.copyOf(longs, newCap);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, newCap);
            default -> objects = Arrays.copyOf(objects, newCap);
        }
        if (nulls != null) {
            nulls = Arrays.copyOf(nulls, newCap);
        }
    }

    private int capacity() {
        return switch (kind) {
            case BOOLEAN -> booleans.length;
            case INT -> ints.length;
            case LONG -> longs.length;
            case DOUBLE -> doubles.length;
            default -> objects.length;
        };
    }

    /** Marks value {@code i} (already within size) null. */
    public void setNull(int i) {
        if (nulls == null) {
            nulls = new boolean[capacity()];
        }
        nulls[i] = true;
        if (kind == OBJECT) {
            objects[i] = null;
        }
    }

    /** Appends a null. */
    public void appendNull() {
        ensure(size + 1);
        setNull(size);
        size++;
    }

    /** Appends a boolean. */
    public void appendBoolean(boolean v) {
        ensure(size + 1);
        booleans[size++] = v;
    }

    /** Appends an int (or date). */
    public void appendInt(int v) {
        ensure(size + 1);
        ints[size++] = v;
    }

    /** Appends a long (or timestamp). */
    public void appendLong(long v) {
        ensure(size + 1);
        longs[size++] = v;
    }

    /** Appends a double. */
    public void appendDouble(double v) {
        ensure(size + 1);
        doubles[size++] = v;
    }

    /** Appends an internal object value (null allowed). */
    public void appendObject(Object v) {
        if (v == null) {
            appendNull();
            return;
        }
        ensure(size + 1);
        objects[size++] = v;
    }

    /**
     * Appends a string given as {@code length} UTF-8 bytes of {@code bytes} from {@code offset}.
     * Readers that decode bytes (Parquet, CSV) append through this, so the vector decides how it
     * keeps strings; the caller may reuse {@code bytes} afterwards.
     */
    public void appendUtf8(byte[] bytes, int offset, int length) {
        appendObject(new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Appends a decimal of this vector's {@link io.ember.dataframe.types.DecimalType} given as its
     * unscaled value (precision at most 18), so readers of fixed-point data need no
     * {@link BigDecimal} per value.
     */
    public void appendUnscaledDecimal(long unscaled) {
        appendObject(BigDecimal.valueOf(unscaled, ((io.ember.dataframe.types.DecimalType) type).scale()));
    }

    /** Appends a boxed internal value of this vector's type (null allowed). */
    public void append(Object v) {
        if (v == null) {
            appendNull();
            return;
        }
        switch (kind) {
            case BOOLEAN -> appendBoolean((Boolean) v);
            case INT -> appendInt(((Number) v).intValue());
            case LONG -> appendLong(((Number) v).longValue());
            case DOUBLE -> appendDouble(((Number) v).doubleValue());
            default -> appendObject(v);
        }
    }

    /** Appends value {@code i} of {@code src} (same kind). */
    public void appendFrom(ColumnVector src, int i) {
        if (src.isNull(i)) {
            appendNull();
            return;
        }
        switch (kind) {
            case BOOLEAN -> appendBoolean(src.booleans[i]);
            case INT -> appendInt(src.ints[i]);
            case LONG -> appendLong(src.longs[i]);
            case DOUBLE -> appendDouble(src.doubles[i]);
            default -> appendObject(src.objects[i]);
        }
    }

    // ---- whole-vector operations ---------------------------------------------------------------

    /**
     * The values at {@code idx[0..n)}, in that order; an index of -1 gives a null (used for
     * the missing side of outer joins).
     */
    public ColumnVector select(int[] idx, int n) {
        ColumnVector out = new ColumnVector(type, n);
        out.size = n;
        boolean[] outNulls = null;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (i < 0 || isNull(i)) {
                if (outNulls == null) {
                    outNulls = new boolean[n];
                }
                outNulls[k] = true;
                continue;
            }
            switch (kind) {
                case BOOLEAN -> out.booleans[k] = booleans[i];
                case INT -> out.ints[k] = ints[i];
                case LONG -> out.longs[k] = longs[i];
                case DOUBLE -> out.doubles[k] = doubles[i];
                default -> out.objects[k] = objects[i];
            }
        }
        out.nulls = outNulls;
        return out;
    }

    /** The values whose {@code keep} flag is set; {@code count} of them. */
    public ColumnVector filter(boolean[] keep, int count) {
        int[] idx = new int[count];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                idx[k++] = i;
            }
        }
        return select(idx, count);
    }

    /** Values {@code [from, to)}. */
    public ColumnVector slice(int from, int to) {
        int n = to - from;
        ColumnVector out = new ColumnVector();
        out.type = type;
        out.kind = kind;
        out.size = n;
        switch (kind) {
            case BOOLEAN -> out.booleans = Arrays.copyOfRange(booleans, from, to);
            case INT -> out.ints = Arrays.copyOfRange(ints, from, to);
            case LONG -> out.longs = Arrays.copyOfRange(longs, from, to);
            case DOUBLE -> out.doubles = Arrays.copyOfRange(doubles, from, to);
            default -> out.objects = Arrays.copyOfRange(objects, from, to);
        }
        if (nulls != null) {
            out.nulls = Arrays.copyOfRange(nulls, from, to);
        }
        return out;
    }

    /** The values of {@code parts}, one after the other. */
    public static ColumnVector concat(DataType type, List<ColumnVector> parts) {
        int n = 0;
        for (ColumnVector p : parts) {
            n += p.size;
        }
        ColumnVector out = new ColumnVector(type, n);
        int at = 0;
        for (ColumnVector p : parts) {
            switch (out.kind) {
                case BOOLEAN -> System.arraycopy(p.booleans, 0, out.booleans, at, p.size);
                case INT -> System.arraycopy(p.ints, 0, out.ints, at, p.size);
                case LONG -> System.arraycopy(p.longs, 0, out.longs, at, p.size);
                case DOUBLE -> System.arraycopy(p.doubles, 0, out.doubles, at, p.size);
                default -> System.arraycopy(p.objects, 0, out.objects, at, p.size);
            }
            if (p.nulls != null) {
                if (out.nulls == null) {
                    out.nulls = new boolean[n];
                }
                System.arraycopy(p.nulls, 0, out.nulls, at, p.size);
            }
            at += p.size;
        }
        out.size = n;
        return out;
    }

    /** A hash of value {@code i} that agrees with {@link #valueEquals}; nulls hash to a constant. */
    public int hash(int i) {
        if (isNull(i)) {
            return 0x9e3779b9;
        }
        return switch (kind) {
            case BOOLEAN -> booleans[i] ? 1231 : 1237;
            case INT -> mix(ints[i]);
            case LONG -> mix(Long.hashCode(longs[i]));
            case DOUBLE -> mix(Double.hashCode(doubles[i] == 0.0 ? 0.0 : doubles[i]));
            default -> Values.hash(objects[i]);
        };
    }

    static int mix(int h) {
        h *= 0x85ebca6b;
        return h ^ (h >>> 15);
    }

    /** Whether value {@code i} equals value {@code j} of {@code o} (same kind); null equals null. */
    public boolean valueEquals(int i, ColumnVector o, int j) {
        boolean n1 = isNull(i);
        boolean n2 = o.isNull(j);
        if (n1 || n2) {
            return n1 && n2;
        }
        return switch (kind) {
            case BOOLEAN -> booleans[i] == o.booleans[j];
            case INT -> ints[i] == o.ints[j];
            case LONG -> longs[i] == o.longs[j];
            case DOUBLE -> doubles[i] == o.doubles[j] || (Double.isNaN(doubles[i]) && Double.isNaN(o.doubles[j]));
            default -> Values.equal(objects[i], o.objects[j]);
        };
    }

    /** Compares two non-null values of the same kind. */
    public int compare(int i, ColumnVector o, int j) {
        return switch (kind) {
            case BOOLEAN -> Boolean.compare(booleans[i], o.booleans[j]);
            case INT -> Integer.compare(ints[i], o.ints[j]);
            case LONG -> Long.compare(longs[i], o.longs[j]);
            case DOUBLE -> Double.compare(doubles[i], o.doubles[j]);
            default -> Values.compare(objects[i], o.objects[j]);
        };
    }

    /** A rough size in bytes, for statistics and broadcast decisions. */
    public long estimatedBytes() {
        if (kind != OBJECT) {
            return (long) size * type.defaultSize() + (nulls != null ? size : 0);
        }
        long bytes = 0;
        for (int i = 0; i < size; i++) {
            Object v = objects[i];
            if (v instanceof String s) {
                bytes += 16 + s.length();
            } else if (v instanceof byte[] b) {
                bytes += 16 + b.length;
            } else {
                bytes += type instanceof ArrayType || type instanceof BinaryType ? 64 : 16;
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.simpleString()).append('[');
        for (int i = 0; i < Math.min(size, 20); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(get(i));
        }
        return sb.append(size > 20 ? ", ...]" : "]").toString();
    }
}
