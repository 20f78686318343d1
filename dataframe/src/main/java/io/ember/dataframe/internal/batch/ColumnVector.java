package io.ember.dataframe.internal.batch;

import com.esotericsoftware.kryo.DefaultSerializer;
import io.ember.dataframe.types.ArrayType;
import io.ember.dataframe.types.BinaryType;
import io.ember.dataframe.types.BooleanType;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DateType;
import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.DoubleType;
import io.ember.dataframe.types.IntegerType;
import io.ember.dataframe.types.LongType;
import io.ember.dataframe.types.MapType;
import io.ember.dataframe.types.StringType;
import io.ember.dataframe.types.StructType;
import io.ember.dataframe.types.TimestampType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link ColumnBatch}: primitive arrays plus a null mask, with no object per
 * value except for the types that still need one.
 *
 * <p>Design notes. One class for every type keeps operators generic. Which arrays hold the
 * values follows {@link #kindOf}:
 * <ul>
 *   <li>{@link #BOOLEAN}: {@code booleans}; {@link #INT}: int and date (days since the epoch) in
 *       {@code ints}; {@link #LONG}: bigint and timestamp (microseconds since the epoch) in
 *       {@code longs}; {@link #DOUBLE}: {@code doubles}.</li>
 *   <li>{@link #STRING}: UTF-8 bytes. Value {@code i} is {@code bytes[offsets[i], offsets[i] +
 *       lengths[i])}; appends go at {@code bytesUsed}. Offsets and lengths per value (Spark's
 *       {@code arrayOffsets}/{@code arrayLengths}) rather than Arrow's n+1 offsets, so that a
 *       value can be replaced in place (min/max buffers append the new bytes and repoint) and a
 *       constant needs its bytes once. Vectors made by select, slice, concat and Kryo are compact.
 *       Order is unsigned byte order (code point order, as Spark's {@code UTF8String}), equality
 *       is byte equality and hashing is over the bytes ({@link Utf8}), so no {@link String} is
 *       built on those paths; {@link #get} still decodes one for generic code. A string vector
 *       may also be a dictionary form ({@link #ofDictionary}): the same offsets and lengths,
 *       pointing into a shared dictionary's bytes, plus the ids, which select, slice and concat
 *       keep, so code reading bytes need not know about dictionaries.</li>
 *   <li>{@link #DECIMAL}: decimals of precision at most 18 as unscaled longs in {@code longs},
 *       at the type's scale ({@link Decimals}); {@link #get} gives a {@link BigDecimal}.</li>
 *   <li>{@link #WIDE_DECIMAL}: decimals of precision 19 to 38 as unscaled 128-bit two's
 *       complement integers ({@link Int128}), at the type's scale: the low 64 bits in
 *       {@code longs} and the high 64 bits (with the sign) in {@code highs}. Two arrays of longs
 *       rather than one of pairs keep the low words where compact decimals have theirs, so
 *       copies, gathers and Kryo treat {@code longs} alike for both kinds and add one more array;
 *       values that fit a long (most sums and products of money) have a {@code highs} word that
 *       only extends the sign. {@link #get} and {@link #getDecimal} build a {@link BigDecimal}
 *       on demand for generic code; hashing, equality, order, sums and {@code + - *} work on the
 *       words.</li>
 *   <li>{@link #OBJECT}: internal values in {@code objects}: {@code byte[]} for
 *       binaries, {@link List}s for arrays and structs (one internal value per field),
 *       {@link MapData} for maps.</li>
 * </ul>
 * {@code nulls} is null while no value is null. A vector grows as values are appended;
 * {@link #size} counts the valid entries. A vector is mutable only by its builder (the operator
 * or reader appending to it); once handed on in a batch it is read-only.
 *
 * <p>Nested values are objects for now (above). A columnar layout would fit the string one: an
 * array vector is {@code offsets} + {@code lengths} over one child vector of the element type
 * (strings are the case where the child is plain bytes), a map two children (keys, values) under
 * the same offsets, and a struct one child vector per field with a row per value. Select, slice
 * and Kryo would then recurse into children.
 *
 * <p>Kryo writes a vector through {@link ColumnVectorSerializer}: only the live values, with no
 * per-value objects for these kinds.
 */
@DefaultSerializer(ColumnVectorSerializer.class)
public final class ColumnVector implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Physical kinds. */
    public static final int BOOLEAN = 0;
    public static final int INT = 1;
    public static final int LONG = 2;
    public static final int DOUBLE = 3;
    public static final int OBJECT = 4;
    public static final int STRING = 5;
    public static final int DECIMAL = 6;
    public static final int WIDE_DECIMAL = 7;

    /** What {@link #hash} gives a null. */
    static final int NULL_HASH = 0x9e3779b9;

    public DataType type;
    public int kind;
    public int size;
    public boolean[] nulls;
    public boolean[] booleans;
    public int[] ints;
    /** Longs, timestamps, the unscaled values of compact decimals, and the low words of wide ones. */
    public long[] longs;
    /** The high words (with the sign) of the unscaled 128-bit values of wide decimals. */
    public long[] highs;
    public double[] doubles;
    public Object[] objects;
    /** String bytes; value {@code i} starts at {@code offsets[i]} and has {@code lengths[i]} bytes. */
    public byte[] bytes;
    public int[] offsets;
    public int[] lengths;
    /** How many of {@code bytes} are taken; the next string's bytes go here. */
    public int bytesUsed;
    /**
     * Set when this string vector's values are entries of a dictionary (Parquet's dictionary
     * pages): value {@code i} is entry {@code dictionaryIds[i]} of {@code dictionary}, whose bytes
     * this vector shares (its offsets and lengths point into them), so decoding copies nothing and
     * rows of one dictionary are equal exactly when their ids are. Any change to the vector drops
     * the ids (its values are then plain strings).
     */
    public ColumnVector dictionary;
    public int[] dictionaryIds;
    /** Whether {@code bytes} is another vector's too: it is copied before this vector writes to it. */
    boolean bytesShared;

    ColumnVector() {
        // for Kryo
    }

    private ColumnVector(DataType type, int capacity) {
        this.type = Objects.requireNonNull(type, "type is null");
        this.kind = kindOf(type);
        int cap = Math.max(capacity, 0);
        switch (kind) {
            case BOOLEAN -> booleans = new boolean[cap];
            case INT -> ints = new int[cap];
            case LONG, DECIMAL -> longs = new long[cap];
            case WIDE_DECIMAL -> {
                longs = new long[cap];
                highs = new long[cap];
            }
            case DOUBLE -> doubles = new double[cap];
            case STRING -> {
                offsets = new int[cap];
                lengths = new int[cap];
                bytes = new byte[Math.max(cap * 8, 16)];
            }
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
        } else if (type instanceof StringType) {
            return STRING;
        } else if (Decimals.isCompact(type)) {
            return DECIMAL;
        } else if (type instanceof DecimalType) {
            return WIDE_DECIMAL;
        }
        return OBJECT;
    }

    /** An empty vector with room for {@code capacity} values. */
    public static ColumnVector allocate(DataType type, int capacity) {
        return new ColumnVector(type, capacity);
    }

    /** {@code n} copies of one internal value (null allowed). */
    public static ColumnVector constant(DataType type, Object value, int n) {
        ColumnVector v = kindOf(type) == STRING ? StringVectors.shell(type, n) : new ColumnVector(type, n);
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
            case DECIMAL -> Arrays.fill(v.longs, Decimals.unscaledOf(asDecimal(value, type), (DecimalType) type));
            case WIDE_DECIMAL -> {
                BigInteger unscaled = Decimals.unscaledBigOf(asDecimal(value, type), (DecimalType) type);
                Arrays.fill(v.highs, Int128.highOf(unscaled));
                Arrays.fill(v.longs, Int128.lowOf(unscaled));
            }
            case STRING -> {
                // Every value points at the one copy of the bytes.
                v.bytes = Utf8.encode(asString(value, type));
                v.bytesUsed = v.bytes.length;
                Arrays.fill(v.lengths, v.bytes.length);
            }
            default -> Arrays.fill(v.objects, value);
        }
        return v;
    }

    /** Wraps arrays as a vector of {@code n} values (no copy); {@code nulls} may be null. */
    public static ColumnVector ofBooleans(DataType type, boolean[] values, boolean[] nulls, int n) {
        ColumnVector v = wrap(type, BOOLEAN, nulls, n);
        v.booleans = values;
        return v;
    }

    /** Wraps arrays as an int (or date) vector of {@code n} values (no copy). */
    public static ColumnVector ofInts(DataType type, int[] values, boolean[] nulls, int n) {
        ColumnVector v = wrap(type, INT, nulls, n);
        v.ints = values;
        return v;
    }

    /** Wraps arrays as a long (or timestamp) vector of {@code n} values (no copy). */
    public static ColumnVector ofLongs(DataType type, long[] values, boolean[] nulls, int n) {
        ColumnVector v = wrap(type, LONG, nulls, n);
        v.longs = values;
        return v;
    }

    /**
     * Wraps unscaled values as a vector of a decimal type of precision at most 18 (no copy); each
     * value must have at most the type's precision in digits.
     */
    public static ColumnVector ofUnscaledDecimals(DecimalType type, long[] unscaled, boolean[] nulls, int n) {
        if (!Decimals.isCompact(type)) {
            throw new IllegalArgumentException("unscaled longs hold decimals of precision <= "
                    + Decimals.MAX_COMPACT_PRECISION + ", not " + type.typeName());
        }
        ColumnVector v = wrap(type, DECIMAL, nulls, n);
        v.longs = unscaled;
        return v;
    }

    /**
     * Wraps unscaled 128-bit values (high and low words) as a vector of a decimal type of
     * precision 19 to 38 (no copy); each value must have at most the type's precision in digits.
     */
    public static ColumnVector ofWideDecimals(DecimalType type, long[] highs, long[] lows, boolean[] nulls, int n) {
        if (Decimals.isCompact(type)) {
            throw new IllegalArgumentException("128-bit unscaled values hold decimals of precision > "
                    + Decimals.MAX_COMPACT_PRECISION + ", not " + type.typeName());
        }
        ColumnVector v = wrap(type, WIDE_DECIMAL, nulls, n);
        v.highs = highs;
        v.longs = lows;
        return v;
    }

    /** Wraps arrays as a double vector of {@code n} values (no copy). */
    public static ColumnVector ofDoubles(DataType type, double[] values, boolean[] nulls, int n) {
        ColumnVector v = wrap(type, DOUBLE, nulls, n);
        v.doubles = values;
        return v;
    }

    /**
     * A vector of {@code n} internal values given as objects; nulls are taken from the array.
     * Strings and decimals are converted to their layout (a copy); other values are
     * wrapped without a copy.
     */
    public static ColumnVector ofObjects(DataType type, Object[] values, int n) {
        int k = kindOf(type);
        if (k != OBJECT) {
            ColumnVector v = new ColumnVector(type, n);
            for (int i = 0; i < n; i++) {
                v.append(values[i]);
            }
            return v;
        }
        ColumnVector v = wrap(type, OBJECT, null, n);
        v.objects = values;
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

    /**
     * A string vector of {@code n} entries of {@code dictionary} (a string vector of the distinct
     * values), by id; ids of null rows are ignored. The dictionary's bytes are shared, not copied.
     *
     * @throws IllegalArgumentException naming the row if an id is not an entry of the dictionary
     */
    public static ColumnVector ofDictionary(ColumnVector dictionary, int[] ids, boolean[] nulls, int n) {
        if (dictionary.kind != STRING) {
            throw new IllegalArgumentException("a dictionary holds strings, not " + dictionary.type.typeName());
        }
        ColumnVector v = StringVectors.shell(dictionary.type, n);
        for (int i = 0; i < n; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int id = ids[i];
            if (id < 0 || id >= dictionary.size || dictionary.isNull(id)) {
                throw new IllegalArgumentException("row " + i + " has dictionary id " + id
                        + ", but the dictionary has " + dictionary.size + " entries" + (id >= 0 && id < dictionary.size
                        ? " and entry " + id + " is null" : ""));
            }
            v.offsets[i] = dictionary.offsets[id];
            v.lengths[i] = dictionary.lengths[id];
        }
        v.shareBytesOf(dictionary);
        // The dictionary's builder hands it over here: from now on it too copies before writing.
        dictionary.bytesShared = true;
        v.dictionary = dictionary;
        v.dictionaryIds = ids;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    /**
     * Points this string vector at {@code owner}'s bytes, to be copied before this vector writes
     * to them. The owner is a dictionary or a vector of its entries, whose bytes are already
     * marked shared, so the owner (possibly read by other tasks) is not written to.
     */
    void shareBytesOf(ColumnVector owner) {
        bytes = owner.bytes;
        bytesUsed = owner.bytesUsed;
        bytesShared = true;
    }

    /** Whether this is a string vector of dictionary entries (see {@link #dictionary}). */
    public boolean hasDictionary() {
        return dictionary != null;
    }

    static ColumnVector wrap(DataType type, int kind, boolean[] nulls, int n) {
        ColumnVector v = new ColumnVector();
        v.type = type;
        v.kind = kind;
        v.nulls = nulls;
        v.size = n;
        return v;
    }

    private static String asString(Object value, DataType type) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("a " + type.typeName() + " vector holds java.lang.String values, not "
                + value.getClass().getName() + " (" + value + ")");
    }

    private static BigDecimal asDecimal(Object value, DataType type) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalArgumentException("a " + type.typeName() + " vector holds java.math.BigDecimal values, not "
                + value.getClass().getName() + " (" + value + ")");
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

    /** Value {@code i} as a boxed internal value, or null (strings are decoded: a slow path). */
    public Object get(int i) {
        if (isNull(i)) {
            return null;
        }
        return switch (kind) {
            case BOOLEAN -> booleans[i];
            case INT -> ints[i];
            case LONG -> longs[i];
            case DOUBLE -> doubles[i];
            case STRING -> Utf8.decode(bytes, offsets[i], lengths[i]);
            case DECIMAL -> BigDecimal.valueOf(longs[i], scale());
            case WIDE_DECIMAL -> Int128.toBigDecimal(highs[i], longs[i], scale());
            default -> objects[i];
        };
    }

    /** Value {@code i} as a double (numeric kinds and decimals). */
    public double getAsDouble(int i) {
        return switch (kind) {
            case INT -> ints[i];
            case LONG -> longs[i];
            case DOUBLE -> doubles[i];
            case DECIMAL -> Decimals.toDouble(longs[i], scale());
            case WIDE_DECIMAL -> Int128.isLong(highs[i], longs[i]) ? Decimals.toDouble(longs[i], scale())
                    : getDecimal(i).doubleValue();
            default -> ((BigDecimal) objects[i]).doubleValue();
        };
    }

    /** Non-null decimal value {@code i} (compact or not) as a {@link BigDecimal}. */
    public BigDecimal getDecimal(int i) {
        return switch (kind) {
            case DECIMAL -> BigDecimal.valueOf(longs[i], scale());
            case WIDE_DECIMAL -> Int128.toBigDecimal(highs[i], longs[i], scale());
            default -> (BigDecimal) objects[i];
        };
    }

    /** Non-null string value {@code i}, decoded. */
    public String getString(int i) {
        return Utf8.decode(bytes, offsets[i], lengths[i]);
    }

    /** The scale of a decimal vector. */
    public int scale() {
        return ((DecimalType) type).scale();
    }

    /** The number of UTF-8 bytes of string value {@code i}. */
    public int utf8Length(int i) {
        return lengths[i];
    }

    /** A copy of the UTF-8 bytes of string value {@code i}. */
    public byte[] getUtf8(int i) {
        return Arrays.copyOfRange(bytes, offsets[i], offsets[i] + lengths[i]);
    }

    /** Copies the UTF-8 bytes of string value {@code i} to {@code dst} from {@code at}; returns their number. */
    public int copyUtf8To(int i, byte[] dst, int at) {
        System.arraycopy(bytes, offsets[i], dst, at, lengths[i]);
        return lengths[i];
    }

    /** Whether non-null string values {@code i} of this and {@code j} of {@code o} have equal bytes. */
    public boolean utf8Equals(int i, ColumnVector o, int j) {
        if (dictionary != null && dictionary == o.dictionary) {
            return dictionaryIds[i] == o.dictionaryIds[j];
        }
        return Utf8.equals(bytes, offsets[i], lengths[i], o.bytes, o.offsets[j], o.lengths[j]);
    }

    // ---- writing -------------------------------------------------------------------------------

    private void ensure(int capacity) {
        if (dictionary != null) {
            dropDictionary();
        }
        int cap = capacity();
        if (capacity <= cap) {
            return;
        }
        int newCap = Math.max(capacity, Math.max(16, cap * 2));
        switch (kind) {
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, newCap);
            case INT -> ints = Arrays.copyOf(ints, newCap);
            case LONG, DECIMAL -> longs = Arrays.copyOf(longs, newCap);
            case WIDE_DECIMAL -> {
                longs = Arrays.copyOf(longs, newCap);
                highs = Arrays.copyOf(highs, newCap);
            }
            case DOUBLE -> doubles = Arrays.copyOf(doubles, newCap);
            case STRING -> {
                offsets = Arrays.copyOf(offsets, newCap);
                lengths = Arrays.copyOf(lengths, newCap);
            }
            default -> objects = Arrays.copyOf(objects, newCap);
        }
        if (nulls != null) {
            nulls = Arrays.copyOf(nulls, newCap);
        }
    }

    /** A change makes the values plain strings: ids would no longer describe them all. */
    private void dropDictionary() {
        dictionary = null;
        dictionaryIds = null;
    }

    private void ensureBytes(int more) {
        long need = (long) bytesUsed + more;
        if (bytes == null) {
            bytes = new byte[(int) Math.max(need, 16)];
        } else if (need > bytes.length || bytesShared) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a string vector cannot hold more than 2 GB of bytes ("
                        + type.typeName() + ", " + size + " values)");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(need, (long) bytes.length * 2), Integer.MAX_VALUE - 8));
            bytesShared = false;
        }
    }

    private int capacity() {
        return switch (kind) {
            case BOOLEAN -> booleans.length;
            case INT -> ints.length;
            case LONG, DECIMAL, WIDE_DECIMAL -> longs.length;
            case DOUBLE -> doubles.length;
            case STRING -> offsets.length;
            default -> objects.length;
        };
    }

    /** Marks value {@code i} (already within size) null. */
    public void setNull(int i) {
        dropDictionary();
        if (nulls == null) {
            nulls = new boolean[capacity()];
        }
        nulls[i] = true;
        if (kind == OBJECT) {
            objects[i] = null;
        } else if (kind == STRING) {
            offsets[i] = 0;
            lengths[i] = 0;
        }
    }

    /** Appends a null. */
    public void appendNull() {
        ensure(size + 1);
        setNull(size);
        size++;
    }

    /** Appends a boolean. */
    // Deliberate specialisation: one append per primitive array, so that appending never boxes.
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

    /**
     * Appends an internal object value (null allowed): a {@link String} to a string vector, a
     * {@link BigDecimal} to a decimal one, and so on.
     */
    public void appendObject(Object v) {
        if (v == null) {
            appendNull();
            return;
        }
        switch (kind) {
            case STRING -> appendString(asString(v, type));
            case DECIMAL, WIDE_DECIMAL -> appendDecimal(asDecimal(v, type));
            case OBJECT -> {
                ensure(size + 1);
                objects[size++] = v;
            }
            default -> append(v);
        }
    }

    /**
     * Appends a string given as {@code length} UTF-8 bytes of {@code bytes} from {@code offset}.
     * Readers that decode bytes (Parquet, CSV) append through this: the bytes are copied as they
     * are, and the caller may reuse {@code bytes} afterwards.
     */
    public void appendUtf8(byte[] src, int offset, int length) {
        if (kind != STRING) {
            throw new IllegalStateException("appendUtf8 on a vector of " + type.typeName());
        }
        ensure(size + 1);
        ensureBytes(length);
        System.arraycopy(src, offset, bytes, bytesUsed, length);
        offsets[size] = bytesUsed;
        lengths[size] = length;
        bytesUsed += length;
        size++;
    }

    /** Appends a non-null string, encoded as UTF-8 (ASCII without an intermediate array). */
    public void appendString(String s) {
        if (kind != STRING) {
            throw new IllegalStateException("appendString on a vector of " + type.typeName());
        }
        int n = s.length();
        ensure(size + 1);
        ensureBytes(n);
        int at = bytesUsed;
        for (int c = 0; c < n; c++) {
            char ch = s.charAt(c);
            if (ch >= 0x80) {
                byte[] encoded = Utf8.encode(s);
                appendUtf8(encoded, 0, encoded.length);
                return;
            }
            bytes[at + c] = (byte) ch;
        }
        offsets[size] = at;
        lengths[size] = n;
        bytesUsed += n;
        size++;
    }

    /**
     * Appends a decimal of this vector's {@link DecimalType} given as its unscaled value, so
     * readers of fixed-point data need no {@link BigDecimal} per value.
     *
     * @throws IllegalArgumentException if it has more digits than the type's precision
     */
    public void appendUnscaledDecimal(long unscaled) {
        if (kind == DECIMAL) {
            if (!Decimals.fits(unscaled, ((DecimalType) type).precision())) {
                throw new IllegalArgumentException("The unscaled value " + unscaled + " has more digits than "
                        + type.typeName() + " holds");
            }
            ensure(size + 1);
            longs[size++] = unscaled;
        } else if (kind == WIDE_DECIMAL) {
            // A long has at most 19 digits, which every wide decimal type holds.
            appendWide(Int128.highOf(unscaled), unscaled);
        } else if (type instanceof DecimalType d) {
            appendObject(BigDecimal.valueOf(unscaled, d.scale()));
        } else {
            throw new IllegalStateException("appendUnscaledDecimal on a vector of " + type.typeName());
        }
    }

    /**
     * Appends a decimal of this vector's wide {@link DecimalType} given as its unscaled 128-bit
     * value ({@link Int128}), so that kernels and readers need no {@link BigDecimal} per value.
     *
     * @throws IllegalArgumentException if it has more digits than the type's precision
     */
    public void appendUnscaledDecimal(long high, long low) {
        if (kind != WIDE_DECIMAL) {
            throw new IllegalStateException("appendUnscaledDecimal(high, low) on a vector of " + type.typeName());
        }
        if (!Int128.fits(high, low, ((DecimalType) type).precision())) {
            throw new IllegalArgumentException("The unscaled value " + Int128.toBigInteger(high, low)
                    + " has more digits than " + type.typeName() + " holds");
        }
        appendWide(high, low);
    }

    private void appendWide(long high, long low) {
        ensure(size + 1);
        highs[size] = high;
        longs[size++] = low;
    }

    /** Appends a non-null decimal of this vector's type (its scale must not need rounding). */
    public void appendDecimal(BigDecimal d) {
        if (kind == DECIMAL) {
            long unscaled = d.scale() == scale() ? unscaledExact(d) : Decimals.unscaledOf(d, (DecimalType) type);
            appendUnscaledDecimal(unscaled);
        } else if (kind == WIDE_DECIMAL) {
            BigInteger unscaled = Decimals.unscaledBigOf(d, (DecimalType) type);
            appendWide(Int128.highOf(unscaled), Int128.lowOf(unscaled));
        } else {
            throw new IllegalStateException("appendDecimal on a vector of " + type.typeName());
        }
    }

    private long unscaledExact(BigDecimal d) {
        if (d.precision() > Decimals.MAX_COMPACT_PRECISION) {
            return Decimals.unscaledOf(d, (DecimalType) type);
        }
        return d.unscaledValue().longValue();
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

    /**
     * Appends value {@code i} of {@code src} (same type; a decimal of another precision or scale
     * is converted, and so is any value laid out differently, through {@link #get}).
     */
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
            case STRING -> {
                if (src.kind == STRING) {
                    appendUtf8(src.bytes, src.offsets[i], src.lengths[i]);
                } else {
                    appendObject(src.get(i));
                }
            }
            case DECIMAL -> {
                if (src.kind == DECIMAL && src.scale() == scale()) {
                    appendUnscaledDecimal(src.longs[i]);
                } else {
                    appendDecimal(src.getDecimal(i));
                }
            }
            case WIDE_DECIMAL -> {
                if (src.kind == WIDE_DECIMAL && src.scale() == scale()) {
                    appendUnscaledDecimal(src.highs[i], src.longs[i]);
                } else if (src.kind == DECIMAL && src.scale() == scale()) {
                    appendUnscaledDecimal(src.longs[i]);
                } else {
                    appendDecimal(src.getDecimal(i));
                }
            }
            default -> appendObject(src.kind == OBJECT ? src.objects[i] : src.get(i));
        }
    }

    /**
     * Replaces value {@code g} (already within size) by value {@code i} of {@code src} (same
     * type), for buffers updated in place such as min/max; a string's new bytes are appended and
     * the old ones left unused until the vector is sliced or copied.
     */
    public void setFrom(int g, ColumnVector src, int i) {
        dropDictionary();
        if (src.isNull(i)) {
            setNull(g);
            return;
        }
        if (nulls != null) {
            nulls[g] = false;
        }
        switch (kind) {
            case BOOLEAN -> booleans[g] = src.booleans[i];
            case INT -> ints[g] = src.ints[i];
            case LONG -> longs[g] = src.longs[i];
            case DOUBLE -> doubles[g] = src.doubles[i];
            case STRING -> {
                byte[] from = src.kind == STRING ? src.bytes : Utf8.encode(asString(src.get(i), type));
                int at = src.kind == STRING ? src.offsets[i] : 0;
                int len = src.kind == STRING ? src.lengths[i] : from.length;
                makeRoomReplacing(len);
                System.arraycopy(from, at, bytes, bytesUsed, len);
                offsets[g] = bytesUsed;
                lengths[g] = len;
                bytesUsed += len;
            }
            case DECIMAL -> longs[g] = src.kind == DECIMAL && src.scale() == scale() ? src.longs[i]
                    : Decimals.unscaledOf(src.getDecimal(i), (DecimalType) type);
            case WIDE_DECIMAL -> setWideFrom(g, src, i);
            default -> objects[g] = src.kind == OBJECT ? src.objects[i] : src.get(i);
        }
    }

    private void setWideFrom(int g, ColumnVector src, int i) {
        if (src.kind == WIDE_DECIMAL && src.scale() == scale()) {
            highs[g] = src.highs[i];
            longs[g] = src.longs[i];
        } else if (src.kind == DECIMAL && src.scale() == scale()) {
            highs[g] = Int128.highOf(src.longs[i]);
            longs[g] = src.longs[i];
        } else {
            BigInteger unscaled = Decimals.unscaledBigOf(src.getDecimal(i), (DecimalType) type);
            highs[g] = Int128.highOf(unscaled);
            longs[g] = Int128.lowOf(unscaled);
        }
    }

    /**
     * Room for {@code more} bytes of a replacing value. Replaced values leave their bytes behind;
     * when at least half the bytes are such garbage, the live values are compacted instead of the
     * array growing, so a min/max buffer stays proportional to its values, not to its updates.
     */
    private void makeRoomReplacing(int more) {
        if ((long) bytesUsed + more <= bytes.length && !bytesShared) {
            return;
        }
        long live = 0;
        for (int i = 0; i < size; i++) {
            live += isNull(i) ? 0 : lengths[i];
        }
        if (live * 2 > bytesUsed) {
            ensureBytes(more);
            return;
        }
        byte[] compacted = new byte[(int) Math.min(Math.max(live * 2 + more, 16), Integer.MAX_VALUE - 8)];
        int at = 0;
        for (int i = 0; i < size; i++) {
            int len = isNull(i) ? 0 : lengths[i];
            System.arraycopy(bytes, offsets[i], compacted, at, len);
            offsets[i] = at;
            lengths[i] = len;
            at += len;
        }
        bytes = compacted;
        bytesUsed = at;
        bytesShared = false;
    }

    /**
     * Drops the values from {@code newSize} on (a reader undoing a partly appended row); the
     * space is reused by later appends.
     */
    public void truncate(int newSize) {
        if (newSize > size || newSize < 0) {
            throw new IllegalArgumentException("cannot truncate a vector of " + size + " values to " + newSize);
        }
        dropDictionary();
        if (nulls != null) {
            Arrays.fill(nulls, newSize, size, false);
        }
        if (kind == STRING) {
            int end = 0;
            for (int i = 0; i < newSize; i++) {
                end = Math.max(end, offsets[i] + lengths[i]);
            }
            bytesUsed = end;
        } else if (kind == OBJECT) {
            Arrays.fill(objects, newSize, size, null);
        }
        size = newSize;
    }

    // ---- whole-vector operations ---------------------------------------------------------------

    /**
     * The values at {@code idx[0..n)}, in that order; an index of -1 gives a null (used for
     * the missing side of outer joins).
     */
    public ColumnVector select(int[] idx, int n) {
        return VectorCopies.select(this, idx, n);
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
        return VectorCopies.slice(this, from, to);
    }

    /**
     * A new vector of {@code type} whose value {@code k} is value {@code rows[k]} of
     * {@code sources[k]}, for {@code k < n}: rows drawn from several batches (a sort's or a
     * merge's) copied a column at a time.
     */
    public static ColumnVector gather(DataType type, ColumnVector[] sources, int[] rows, int n) {
        return VectorGather.gather(type, sources, rows, n);
    }

    /** The values of {@code parts}, one after the other. */
    public static ColumnVector concat(DataType type, List<ColumnVector> parts) {
        return VectorCopies.concat(type, parts);
    }

    /**
     * A hash of value {@code i} that agrees with {@link #valueEquals} across vectors: equal
     * strings hash alike whatever vector holds them, and so do equal decimals whatever their
     * layout; nulls hash to a constant.
     */
    public int hash(int i) {
        if (isNull(i)) {
            return NULL_HASH;
        }
        return switch (kind) {
            case BOOLEAN -> booleans[i] ? 1231 : 1237;
            case INT -> mix(ints[i]);
            case LONG -> mix(Long.hashCode(longs[i]));
            case DOUBLE -> mix(Double.hashCode(doubles[i] == 0.0 ? 0.0 : doubles[i]));
            case STRING -> Utf8.hash(bytes, offsets[i], lengths[i]);
            case DECIMAL -> Decimals.hash(longs[i], scale());
            case WIDE_DECIMAL -> Int128.hash(highs[i], longs[i], scale());
            default -> Values.hash(objects[i]);
        };
    }

    static int mix(int h) {
        h *= 0x85ebca6b;
        return h ^ (h >>> 15);
    }

    /** Whether value {@code i} equals value {@code j} of {@code o} (same type); null equals null. */
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
            case STRING -> utf8Equals(i, o, j);
            case DECIMAL -> o.kind == DECIMAL && o.scale() == scale() ? longs[i] == o.longs[j]
                    : getDecimal(i).compareTo(o.getDecimal(j)) == 0;
            case WIDE_DECIMAL -> o.kind == WIDE_DECIMAL && o.scale() == scale()
                    ? longs[i] == o.longs[j] && highs[i] == o.highs[j]
                    : getDecimal(i).compareTo(o.getDecimal(j)) == 0;
            default -> isDecimalKind(o.kind) ? getDecimal(i).compareTo(o.getDecimal(j)) == 0
                    : Values.equal(objects[i], o.objects[j]);
        };
    }

    /** Compares two non-null values of the same type (strings in code point order). */
    public int compare(int i, ColumnVector o, int j) {
        return switch (kind) {
            case BOOLEAN -> Boolean.compare(booleans[i], o.booleans[j]);
            case INT -> Integer.compare(ints[i], o.ints[j]);
            case LONG -> Long.compare(longs[i], o.longs[j]);
            case DOUBLE -> Double.compare(doubles[i], o.doubles[j]);
            case STRING -> Utf8.compare(bytes, offsets[i], lengths[i], o.bytes, o.offsets[j], o.lengths[j]);
            case DECIMAL -> o.kind == DECIMAL && o.scale() == scale() ? Long.compare(longs[i], o.longs[j])
                    : getDecimal(i).compareTo(o.getDecimal(j));
            case WIDE_DECIMAL -> o.kind == WIDE_DECIMAL && o.scale() == scale()
                    ? Int128.compare(highs[i], longs[i], o.highs[j], o.longs[j])
                    : getDecimal(i).compareTo(o.getDecimal(j));
            default -> isDecimalKind(o.kind) ? getDecimal(i).compareTo(o.getDecimal(j))
                    : Values.compare(objects[i], o.objects[j]);
        };
    }

    private static boolean isDecimalKind(int kind) {
        return kind == DECIMAL || kind == WIDE_DECIMAL;
    }

    /** A rough size in bytes, for statistics and broadcast decisions. */
    public long estimatedBytes() {
        if (kind == STRING) {
            long total = 0;
            for (int i = 0; i < size; i++) {
                total += 16 + lengths[i];
            }
            return total;
        }
        if (kind != OBJECT) {
            return (long) size * type.defaultSize() + (nulls != null ? size : 0);
        }
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += objects[i] instanceof byte[] b ? 16 + b.length
                    : type instanceof ArrayType || type instanceof MapType || type instanceof StructType
                    || type instanceof BinaryType ? 64 : 16;
        }
        return total;
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
