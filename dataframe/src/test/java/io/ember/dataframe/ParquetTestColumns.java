package io.ember.dataframe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Test columns of every physical type and the logical types Ember reads, each with the value of
 * row {@code i} as Parquet stores it and as Ember should return it, both computed here in plain
 * Java. Nulls fall on page boundaries (every 128 rows), in a long run across pages and batches,
 * and fill one whole page.
 */
final class ParquetTestColumns {
    private static final String[] WORDS = {"", "a", "héllo", "日本語テキスト", "emoji 😀!", "Queens", "Brooklyn borough"};
    static final int PAGE_ROWS = 128;

    private ParquetTestColumns() {
    }

    /** One column: its Parquet type, the stored value of row i, the value Ember returns for it. */
    record Col(PrimitiveType type, IntFunction<Object> stored, IntFunction<Object> expected) {
        String name() {
            return type.getName();
        }
    }

    static boolean isNull(int i) {
        int inPage = i % PAGE_ROWS;
        return inPage == 0 || inPage == PAGE_ROWS - 1 || (i >= 300 && i < 520) || i / PAGE_ROWS == 10 || i % 7 == 3;
    }

    private static PrimitiveType type(PrimitiveTypeName t, String name, LogicalTypeAnnotation a) {
        return Types.primitive(t, Type.Repetition.OPTIONAL).as(a).named(name);
    }

    private static PrimitiveType fixed(int length, String name, LogicalTypeAnnotation a) {
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, Type.Repetition.OPTIONAL).length(length).as(a)
                .named(name);
    }

    private static Col col(PrimitiveType type, IntFunction<Object> stored, IntFunction<Object> expected) {
        return new Col(type, i -> isNull(i) ? null : stored.apply(i), i -> isNull(i) ? null : expected.apply(i));
    }

    static boolean bool(int i) {
        return (i / 50) % 2 == 0 || i % 3 == 0;
    }

    static int int32(int i) {
        return i == 1 ? Integer.MIN_VALUE : i == 2 ? Integer.MAX_VALUE : (i % 200) * 1_000_003 - 5;
    }

    static long int64(int i) {
        return i == 1 ? Long.MIN_VALUE : i == 2 ? Long.MAX_VALUE : (i % 300) * 1_000_000_007L * (i % 2 == 0 ? 1 : -1);
    }

    static String word(int i) {
        return WORDS[i % WORDS.length] + (i % 11 == 0 ? "" : "x".repeat(i % 40));
    }

    /** Few distinct values at first, then all distinct: a writer's dictionary overflows mid-chunk. */
    static String grow(int i) {
        return i < 700 ? "v" + (i % 10) : "value number " + i;
    }

    /** An unscaled value of up to {@code digits} digits, both signs, the extremes included. */
    static BigInteger unscaled(int i, int digits) {
        BigInteger max = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
        if (i == 1) {
            return max.negate();
        }
        if (i == 2) {
            return max;
        }
        BigInteger v = BigInteger.valueOf((long) (i % 97) * 1_234_567_891L + i).multiply(BigInteger.valueOf(i % 5 + 1));
        v = v.mod(max);
        return i % 2 == 0 ? v : v.negate();
    }

    static byte[] twosComplement(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        if (length < 0) {
            return raw;
        }
        byte[] out = new byte[length];
        Arrays.fill(out, v.signum() < 0 ? (byte) -1 : 0);
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }

    static Binary int96(long nanosOfDay, int julianDay) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt(julianDay);
        return Binary.fromConstantByteArray(b.array());
    }

    static Instant micros(long micros) {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L));
    }

    /** Every column, named after its type; {@code types} filters by physical type. */
    static List<Col> all(PrimitiveTypeName... types) {
        List<Col> cols = new ArrayList<>();
        cols.add(col(type(PrimitiveTypeName.BOOLEAN, "b", null), ParquetTestColumns::bool, ParquetTestColumns::bool));
        cols.add(col(type(PrimitiveTypeName.INT32, "i", null), ParquetTestColumns::int32, ParquetTestColumns::int32));
        cols.add(col(type(PrimitiveTypeName.INT32, "small", LogicalTypeAnnotation.intType(16, true)),
                i -> (i % 500) - 250, i -> (i % 500) - 250));
        cols.add(col(type(PrimitiveTypeName.INT32, "u32", LogicalTypeAnnotation.intType(32, false)),
                ParquetTestColumns::int32, i -> Integer.toUnsignedLong(int32(i))));
        cols.add(col(type(PrimitiveTypeName.INT32, "day", LogicalTypeAnnotation.dateType()),
                i -> i * 37 - 20_000, i -> LocalDate.ofEpochDay(i * 37L - 20_000)));
        cols.add(col(type(PrimitiveTypeName.INT32, "dec9", LogicalTypeAnnotation.decimalType(2, 9)),
                i -> unscaled(i, 9).intValueExact(), i -> new BigDecimal(unscaled(i, 9), 2)));
        cols.add(col(type(PrimitiveTypeName.INT64, "l", null), ParquetTestColumns::int64, ParquetTestColumns::int64));
        cols.add(col(type(PrimitiveTypeName.INT64, "dec18", LogicalTypeAnnotation.decimalType(4, 18)),
                i -> unscaled(i, 18).longValueExact(), i -> new BigDecimal(unscaled(i, 18), 4)));
        long base = 1_609_459_200_000_000L;
        cols.add(col(type(PrimitiveTypeName.INT64, "ts_millis",
                        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)),
                i -> base / 1000 + i * 3_600_001L - 5_000_000_000L, i -> micros((base / 1000 + i * 3_600_001L - 5_000_000_000L) * 1000)));
        cols.add(col(type(PrimitiveTypeName.INT64, "ts_micros",
                        LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)),
                i -> base + i * 1_000_003L, i -> micros(base + i * 1_000_003L)));
        cols.add(col(type(PrimitiveTypeName.INT64, "ts_nanos",
                        LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)),
                i -> (base + i) * 1000 - i % 1000 - 1_000_000_000_000_000L * (i % 3),
                i -> micros(Math.floorDiv((base + i) * 1000 - i % 1000 - 1_000_000_000_000_000L * (i % 3), 1000))));
        cols.add(col(type(PrimitiveTypeName.INT96, "ts96", null),
                i -> int96(i * 7_000_000_001L % 86_400_000_000_000L, 2_440_588 + i - 1000),
                i -> micros((i - 1000L) * 86_400_000_000L + i * 7_000_000_001L % 86_400_000_000_000L / 1000)));
        cols.add(col(type(PrimitiveTypeName.FLOAT, "f", null),
                i -> i == 5 ? Float.NaN : i == 6 ? -0.0f : (i % 100) * 0.25f - 3,
                i -> i == 5 ? Double.NaN : i == 6 ? -0.0 : (double) ((i % 100) * 0.25f - 3)));
        cols.add(col(type(PrimitiveTypeName.DOUBLE, "d", null),
                i -> i == 5 ? Double.NaN : i == 6 ? Double.NEGATIVE_INFINITY : i == 8 ? Double.MAX_VALUE : (i % 250) * 1.125 - 7,
                i -> i == 5 ? Double.NaN : i == 6 ? Double.NEGATIVE_INFINITY : i == 8 ? Double.MAX_VALUE : (i % 250) * 1.125 - 7));
        cols.add(col(type(PrimitiveTypeName.BINARY, "s", LogicalTypeAnnotation.stringType()),
                i -> Binary.fromString(word(i)), ParquetTestColumns::word));
        cols.add(col(type(PrimitiveTypeName.BINARY, "grow", LogicalTypeAnnotation.stringType()),
                i -> Binary.fromString(grow(i)), ParquetTestColumns::grow));
        cols.add(col(type(PrimitiveTypeName.BINARY, "js", LogicalTypeAnnotation.jsonType()),
                i -> Binary.fromString("{\"k\":" + (i % 13) + "}"), i -> "{\"k\":" + (i % 13) + "}"));
        cols.add(col(type(PrimitiveTypeName.BINARY, "bin", null),
                i -> Binary.fromConstantByteArray(bytes(i)), i -> ByteBuffer.wrap(bytes(i))));
        cols.add(col(type(PrimitiveTypeName.BINARY, "bdec18", LogicalTypeAnnotation.decimalType(0, 18)),
                i -> Binary.fromConstantByteArray(twosComplement(unscaled(i, 18), -1)), i -> new BigDecimal(unscaled(i, 18), 0)));
        cols.add(col(type(PrimitiveTypeName.BINARY, "bdec25", LogicalTypeAnnotation.decimalType(3, 25)),
                i -> Binary.fromConstantByteArray(twosComplement(unscaled(i, 25), -1)), i -> new BigDecimal(unscaled(i, 25), 3)));
        cols.add(col(fixed(9, "fdec19", LogicalTypeAnnotation.decimalType(4, 19)),
                i -> Binary.fromConstantByteArray(twosComplement(unscaled(i, 19), 9)), i -> new BigDecimal(unscaled(i, 19), 4)));
        cols.add(col(fixed(8, "fdec18", LogicalTypeAnnotation.decimalType(2, 18)),
                i -> Binary.fromConstantByteArray(twosComplement(unscaled(i, 18), 8)), i -> new BigDecimal(unscaled(i, 18), 2)));
        cols.add(col(fixed(3, "fixed", null),
                i -> Binary.fromConstantByteArray(fixedBytes(i)), i -> ByteBuffer.wrap(fixedBytes(i))));
        List<PrimitiveTypeName> wanted = List.of(types);
        cols.removeIf(c -> types.length > 0 && !wanted.contains(c.type().getPrimitiveTypeName()));
        return cols;
    }

    private static byte[] bytes(int i) {
        byte[] b = new byte[i % 5];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        return b;
    }

    private static byte[] fixedBytes(int i) {
        return new byte[] {(byte) (i % 7), (byte) -1, (byte) (i >> 3)};
    }

    /** What Ember returned for column {@code c} of {@code r}, comparable with {@link Col#expected}. */
    static Object actual(Row r, int c) {
        Object v = r.isNullAt(c) ? null : r.get(c);
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }
}
