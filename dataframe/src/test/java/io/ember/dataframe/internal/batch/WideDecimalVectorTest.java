package io.ember.dataframe.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.DecimalType;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vectors of wide decimals (128-bit unscaled values): the operations every vector has keep the
 * values, checked against the {@link BigDecimal}s appended; hashing and equality agree across the
 * compact and wide layouts and with the batch hashing.
 */
class WideDecimalVectorTest {
    private static final DecimalType D38 = new DecimalType(38, 4);

    /** Values of up to 38 digits: both signs, around the 64-bit word, and nulls. */
    private static List<BigDecimal> values() {
        Random r = new Random(5);
        List<BigDecimal> v = new ArrayList<>(Arrays.asList(
                new BigDecimal("9".repeat(34) + ".9999"), new BigDecimal("-" + "9".repeat(34) + ".9999"),
                new BigDecimal("922337203685477.5807"), new BigDecimal("922337203685477.5808"),
                new BigDecimal("-922337203685477.5808"), new BigDecimal("-922337203685477.5809"),
                new BigDecimal("1844674407370955.1616"), BigDecimal.ZERO.setScale(4), null, new BigDecimal("1.5000")));
        for (int i = 0; i < 40; i++) {
            BigDecimal d = new BigDecimal(new java.math.BigInteger(1 + r.nextInt(120), r), 4);
            v.add(i % 7 == 3 ? null : r.nextBoolean() ? d : d.negate());
        }
        return v;
    }

    private static ColumnVector vector(List<BigDecimal> values) {
        ColumnVector v = ColumnVector.allocate(D38, 4);
        for (BigDecimal d : values) {
            v.append(d);
        }
        return v;
    }

    private static List<Object> list(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size; i++) {
            out.add(v.get(i));
        }
        return out;
    }

    @Test
    void appendAndGet_keepValues() {
        List<BigDecimal> values = values();
        ColumnVector v = vector(values);
        assertEquals(ColumnVector.WIDE_DECIMAL, v.kind);
        assertEquals(new ArrayList<Object>(values), list(v));
        for (int i = 0; i < v.size; i++) {
            if (values.get(i) != null) {
                assertEquals(values.get(i), v.getDecimal(i));
                assertEquals(values.get(i).doubleValue(), v.getAsDouble(i));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> v.append(new BigDecimal("1" + "0".repeat(34))));
        assertThrows(IllegalArgumentException.class, () -> v.append(new BigDecimal("1.00001")));
        ColumnVector c = ColumnVector.constant(D38, values.get(1), 3);
        assertEquals(Arrays.asList(values.get(1), values.get(1), values.get(1)), list(c));
        v.truncate(2);
        v.append(new BigDecimal("2.5"));
        assertEquals(Arrays.asList(values.get(0), values.get(1), new BigDecimal("2.5000")), list(v));
    }

    @Test
    void kryo_selectSliceGatherConcat_keepValues() {
        List<BigDecimal> values = values();
        ColumnVector v = vector(values);
        Codec codec = Codecs.kryo();
        ColumnBatch back = codec.deserialize(codec.serialize(new ColumnBatch(new ColumnVector[] {v}, v.size)),
                getClass().getClassLoader());
        assertEquals(ColumnVector.WIDE_DECIMAL, back.columns[0].kind);
        assertEquals(new ArrayList<Object>(values), list(back.columns[0]));

        int[] idx = {3, -1, 0, 8, 5};
        List<Object> picked = Arrays.asList(values.get(3), null, values.get(0), null, values.get(5));
        assertEquals(picked, list(v.select(idx, idx.length)));
        assertEquals(new ArrayList<Object>(values.subList(2, 9)), list(v.slice(2, 9)));
        ColumnVector[] sources = {v, back.columns[0], v};
        assertEquals(Arrays.asList(values.get(4), values.get(1), values.get(8)),
                list(ColumnVector.gather(D38, sources, new int[] {4, 1, 8}, 3)));
        ColumnVector compact = ColumnVector.allocate(new DecimalType(10, 2), 2);
        compact.append(new BigDecimal("-12.34"));
        compact.append(null);
        ColumnVector otherScale = ColumnVector.allocate(new DecimalType(30, 1), 1);
        otherScale.append(new BigDecimal("7.5"));
        List<Object> all = new ArrayList<>(values);
        all.addAll(Arrays.asList(new BigDecimal("-12.3400"), null, new BigDecimal("7.5000")));
        ColumnVector joined = ColumnVector.concat(D38, List.of(v, compact, otherScale));
        assertEquals(all, list(joined));
        assertEquals(ColumnVector.WIDE_DECIMAL, joined.kind);
        ColumnVector mixed = ColumnVector.gather(D38, new ColumnVector[] {v, otherScale}, new int[] {0, 0}, 2);
        assertEquals(Arrays.asList(values.get(0), new BigDecimal("7.5000")), list(mixed));
    }

    @Test
    void appendFromAndSetFrom_convertLayoutsAndScales() {
        ColumnVector compact = ColumnVector.allocate(new DecimalType(18, 2), 2);
        compact.append(new BigDecimal("-9999999999999999.99"));
        ColumnVector wide = ColumnVector.allocate(new DecimalType(25, 3), 1);
        wide.append(new BigDecimal("123456789012345678901.234"));
        ColumnVector out = ColumnVector.allocate(D38, 1);
        out.appendFrom(compact, 0);
        out.appendFrom(wide, 0);
        out.appendFrom(out, 0);
        assertEquals(Arrays.asList(new BigDecimal("-9999999999999999.9900"), new BigDecimal("123456789012345678901.2340"),
                new BigDecimal("-9999999999999999.9900")), list(out));
        out.setFrom(0, wide, 0);
        out.setFrom(1, compact, 0);
        out.setFrom(2, out, 0);
        assertEquals(Arrays.asList(new BigDecimal("123456789012345678901.2340"), new BigDecimal("-9999999999999999.9900"),
                new BigDecimal("123456789012345678901.2340")), list(out));
        ColumnVector narrow = ColumnVector.allocate(new DecimalType(18, 2), 1);
        narrow.appendFrom(out, 1);
        assertEquals(new BigDecimal("-9999999999999999.99"), narrow.get(0));
        assertThrows(IllegalArgumentException.class, () -> narrow.appendFrom(out, 0));
    }

    @Test
    void hashEqualityAndOrder_byValueAcrossLayouts() {
        List<BigDecimal> values = values();
        ColumnVector v = vector(values);
        ColumnVector otherScale = ColumnVector.allocate(new DecimalType(38, 6), 4);
        for (BigDecimal d : values) {
            // decimal(38,6) has two integer digits fewer: wider values are left out (null).
            otherScale.append(d == null || d.precision() - d.scale() > 32 ? null : d);
        }
        int[] batchHashes = new int[v.size];
        VectorHashes.accumulate(v, batchHashes, v.size);
        for (int i = 0; i < v.size; i++) {
            assertEquals(v.hash(i), batchHashes[i], "row " + i);
            assertEquals(Values.hash(values.get(i)), v.hash(i), "row " + i);
            if (!otherScale.isNull(i) || v.isNull(i)) {
                assertEquals(v.hash(i), otherScale.hash(i), "row " + i);
                assertTrue(v.valueEquals(i, otherScale, i));
            }
            for (int j = 0; j < v.size; j++) {
                BigDecimal a = values.get(i);
                BigDecimal b = values.get(j);
                assertEquals(a == null ? b == null : b != null && a.compareTo(b) == 0, v.valueEquals(i, v, j));
                if (a != null && b != null) {
                    assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(v.compare(i, v, j)), a + " <> " + b);
                    if (!otherScale.isNull(j)) {
                        assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(v.compare(i, otherScale, j)));
                    }
                }
            }
        }
        ColumnVector compact = ColumnVector.allocate(new DecimalType(10, 2), 1);
        compact.append(new BigDecimal("1.50"));
        assertEquals(compact.hash(0), v.hash(9));
        assertTrue(v.valueEquals(9, compact, 0));
        assertEquals(0, v.compare(9, compact, 0));
        assertFalse(v.valueEquals(8, compact, 0));
        assertNull(v.get(8));
    }
}
