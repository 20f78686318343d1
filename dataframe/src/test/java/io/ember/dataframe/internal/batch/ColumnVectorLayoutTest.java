package io.ember.dataframe.internal.batch;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.DecimalType;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The value layouts of {@link ColumnVector}: UTF-8 strings (multi-byte characters included) and
 * decimals as unscaled longs, checked against plain Java (String, BigDecimal, code point arrays).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ColumnVectorLayoutTest {
    /** 1-, 2-, 3- and 4-byte characters, the replacement char, and one above U+E000 (UTF-16 orders it after surrogates wrongly). */
    private static final List<String> WORDS = List.of("", "a", "ab", "é", "e\u0301", "中文", "中", "😀", "😀x",
            "\uFFFD", "\uE000", "ｚ", "Z", "straße", "a😀b");

    private static ColumnVector strings(List<String> values) {
        ColumnVector v = ColumnVector.allocate(DataTypes.StringType, 2);
        for (String s : values) {
            v.append(s);
        }
        return v;
    }

    /** Code point order computed independently of the engine. */
    private static int codePointOrder(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    @Test
    void strings_roundTripThroughUtf8Bytes() {
        List<String> values = new ArrayList<>(WORDS);
        values.add(null);
        ColumnVector v = strings(values);
        assertEquals(ColumnVector.STRING, v.kind);
        assertNull(v.objects);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), v.get(i), "value " + i);
        }
        int i = WORDS.indexOf("😀x");
        assertEquals(5, v.utf8Length(i));
        assertArrayEquals("😀x".getBytes(StandardCharsets.UTF_8), v.getUtf8(i));
    }

    @Test
    void strings_compareInCodePointOrder() {
        ColumnVector v = strings(WORDS);
        for (int i = 0; i < WORDS.size(); i++) {
            for (int j = 0; j < WORDS.size(); j++) {
                int expected = Integer.signum(codePointOrder(WORDS.get(i), WORDS.get(j)));
                assertEquals(expected, Integer.signum(v.compare(i, v, j)), WORDS.get(i) + " vs " + WORDS.get(j));
                assertEquals(expected, Integer.signum(Values.compare(WORDS.get(i), WORDS.get(j))));
                assertEquals(expected == 0, v.valueEquals(i, v, j));
            }
        }
    }

    @Test
    void strings_hashAlikeWhateverVectorHoldsThem() {
        ColumnVector built = strings(WORDS);
        List<String> reversed = new ArrayList<>(WORDS);
        java.util.Collections.reverse(reversed);
        ColumnVector other = strings(reversed);
        ColumnVector concat = ColumnVector.concat(DataTypes.StringType, List.of(other.slice(3, 7), built));
        for (int i = 0; i < WORDS.size(); i++) {
            String s = WORDS.get(i);
            int h = built.hash(i);
            assertEquals(h, other.hash(WORDS.size() - 1 - i), s);
            assertEquals(h, concat.hash(4 + i), s);
            assertEquals(h, ColumnVector.constant(DataTypes.StringType, s, 3).hash(2), s);
            assertEquals(h, built.select(new int[] {i}, 1).hash(0), s);
            assertEquals(h, Values.hash(s), s);
        }
    }

    @Test
    void strings_selectSliceConcatKeepValuesAndNulls() {
        List<String> values = Arrays.asList("中文", null, "😀", "", "abc");
        ColumnVector v = strings(values);
        ColumnVector sel = v.select(new int[] {4, -1, 1, 0, 2}, 5);
        assertEquals(Arrays.asList("abc", null, null, "中文", "😀"), list(sel));
        assertEquals(Arrays.asList(null, "😀", ""), list(v.slice(1, 4)));
        ColumnVector both = ColumnVector.concat(DataTypes.StringType, List.of(v.slice(0, 2), sel));
        assertEquals(Arrays.asList("中文", null, "abc", null, null, "中文", "😀"), list(both));
        assertEquals(both.bytesUsed, 2 * "中文".getBytes(StandardCharsets.UTF_8).length + 3 + 4, "compact");
    }

    @Test
    void strings_setFromAndTruncateReplaceValues() {
        ColumnVector v = strings(Arrays.asList("x", "yy", "zzz"));
        ColumnVector src = strings(Arrays.asList("中文😀", null));
        v.setFrom(0, src, 0);
        v.setFrom(2, src, 1);
        assertEquals(Arrays.asList("中文😀", "yy", null), list(v));
        v.setFrom(2, v, 1);
        assertEquals(Arrays.asList("中文😀", "yy", "yy"), list(v));
        v.truncate(1);
        v.append("é");
        assertEquals(Arrays.asList("中文😀", "é"), list(v));
        assertEquals(Arrays.asList("中文😀", "é"), list(v.slice(0, 2)));
    }

    @Test
    void dictionary_decodesOnDemandAndSurvivesSelectSliceConcat() {
        ColumnVector dict = strings(List.of("中文", "😀", "abc"));
        ColumnVector v = ColumnVector.ofDictionary(dict, new int[] {2, 0, 7, 0, 1}, new boolean[] {false, false, true,
            false, false}, 5);
        assertEquals(Arrays.asList("abc", "中文", null, "中文", "😀"), list(v));
        assertTrue(v.hasDictionary());
        assertSame(dict.bytes, v.bytes, "decoding copies nothing");
        ColumnVector plain = strings(Arrays.asList("abc", "中文", null, "中文", "😀"));
        for (int i = 0; i < 5; i++) {
            assertEquals(plain.hash(i), v.hash(i));
            for (int j = 0; j < 5; j++) {
                assertEquals(plain.valueEquals(i, plain, j), v.valueEquals(i, v, j), i + " vs " + j);
                assertEquals(plain.valueEquals(i, plain, j), v.valueEquals(i, plain, j), i + " vs plain " + j);
            }
        }
        ColumnVector sel = v.select(new int[] {4, 2, 1}, 3);
        ColumnVector both = ColumnVector.concat(DataTypes.StringType, List.of(sel, v.slice(3, 5)));
        assertEquals(Arrays.asList("😀", null, "中文", "中文", "😀"), list(both));
        assertSame(dict, both.dictionary);
        assertTrue(both.isNull(1));
        assertArrayEquals(new int[] {1, 0, 0, 1}, new int[] {both.dictionaryIds[0], both.dictionaryIds[2],
            both.dictionaryIds[3], both.dictionaryIds[4]});

        sel.append("é");
        sel.setFrom(0, plain, 0);
        assertFalse(sel.hasDictionary(), "a changed vector holds plain strings");
        assertEquals(Arrays.asList("abc", null, "中文", "é"), list(sel));
        assertEquals(List.of("中文", "😀", "abc"), list(dict), "the dictionary is untouched");
        assertEquals(Arrays.asList("abc", "中文", null, "中文", "😀"), list(v));

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ColumnVector.ofDictionary(dict, new int[] {0, 3}, null, 2));
        assertTrue(bad.getMessage().contains("row 1 has dictionary id 3"), bad.getMessage());
        ColumnBatch back = Codecs.kryo().deserialize(Codecs.kryo().serialize(new ColumnBatch(new ColumnVector[] {v}, 5)),
                getClass().getClassLoader());
        assertEquals(list(v), list(back.columns[0]));
    }

    @Test
    void strings_replacedManyTimesStayCompact() {
        ColumnVector buffer = strings(Arrays.asList("a", null, "b"));
        ColumnVector src = strings(List.of("é".repeat(50), "中".repeat(40)));
        for (int k = 0; k < 10_000; k++) {
            buffer.setFrom(k % 2 == 0 ? 0 : 2, src, k % 2);
        }
        assertEquals(Arrays.asList("é".repeat(50), null, "中".repeat(40)), list(buffer));
        assertTrue(buffer.bytes.length < 1000, "garbage is compacted away: " + buffer.bytes.length + " bytes");
    }

    @Test
    void decimals_atEighteenDigitsAreUnscaledLongs() {
        DecimalType d18 = new DecimalType(18, 2);
        ColumnVector v = ColumnVector.allocate(d18, 4);
        assertEquals(ColumnVector.DECIMAL, v.kind);
        BigDecimal max = new BigDecimal("9999999999999999.99");
        v.append(max);
        v.append(max.negate());
        v.appendUnscaledDecimal(123);
        v.append(null);
        assertEquals(Arrays.asList(max, max.negate(), new BigDecimal("1.23"), null), list(v));
        assertEquals(999_999_999_999_999_999L, v.longs[0]);
        assertEquals(max.doubleValue(), v.getAsDouble(0));
        assertEquals(1.23, v.getAsDouble(2));
        IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
                () -> v.appendUnscaledDecimal(1_000_000_000_000_000_000L));
        assertTrue(tooWide.getMessage().contains("decimal(18,2)"), tooWide.getMessage());
        IllegalArgumentException tooPrecise = assertThrows(IllegalArgumentException.class,
                () -> v.append(new BigDecimal("1.234")));
        assertTrue(tooPrecise.getMessage().contains("1.234"), tooPrecise.getMessage());
    }

    @Test
    void decimals_atNineteenDigitsAre128Bit() {
        DecimalType d19 = new DecimalType(19, 2);
        ColumnVector v = ColumnVector.allocate(d19, 2);
        assertEquals(ColumnVector.WIDE_DECIMAL, v.kind);
        BigDecimal max = new BigDecimal("99999999999999999.99");
        v.append(max);
        v.appendUnscaledDecimal(Long.MAX_VALUE);
        v.appendUnscaledDecimal(-1, -5);
        assertEquals(Arrays.asList(max, new BigDecimal("92233720368547758.07"), new BigDecimal("-0.05")), list(v));
        assertEquals(-1, v.highs[2]);
        long tenToNineteen = new java.math.BigInteger("10000000000000000000").longValue();
        assertThrows(IllegalArgumentException.class, () -> v.appendUnscaledDecimal(0, tenToNineteen),
                "10^19 has 20 digits");
    }

    @Test
    void decimals_hashAndEqualByValueAcrossLayouts() {
        ColumnVector compact = ColumnVector.allocate(new DecimalType(18, 4), 2);
        compact.append(new BigDecimal("1.5000"));
        compact.append(new BigDecimal("-100.0000"));
        ColumnVector wide = ColumnVector.allocate(new DecimalType(30, 1), 2);
        wide.append(new BigDecimal("1.5"));
        wide.append(new BigDecimal("-100.0"));
        ColumnVector otherScale = ColumnVector.allocate(new DecimalType(10, 0), 1);
        otherScale.append(new BigDecimal("-100"));
        for (int i = 0; i < 2; i++) {
            assertEquals(compact.hash(i), wide.hash(i));
            assertTrue(compact.valueEquals(i, wide, i));
            assertTrue(wide.valueEquals(i, compact, i));
            assertEquals(0, compact.compare(i, wide, i));
            assertEquals(Values.hash(wide.get(i)), compact.hash(i));
        }
        assertEquals(Values.hash(new BigDecimal("1.5")), Values.hash(new BigDecimal("1.50000000000000000000000")));
        assertEquals(compact.hash(1), otherScale.hash(0));
        assertTrue(compact.valueEquals(1, otherScale, 0));
        assertTrue(compact.compare(0, otherScale, 0) > 0);
    }

    @Test
    void kryo_roundTripKeepsOnlyLiveValues() {
        Codec codec = Codecs.kryo();
        ColumnVector s = strings(Arrays.asList("中文", null, "😀", "abc"));
        s.setFrom(0, s, 3);
        ColumnVector d = ColumnVector.allocate(new DecimalType(18, 3), 1000);
        d.append(new BigDecimal("-123456789012345.678"));
        d.append(null);
        ColumnVector w = ColumnVector.allocate(new DecimalType(25, 3), 2);
        w.append(new BigDecimal("1234567890123456789012.345"));
        ColumnBatch batch = new ColumnBatch(new ColumnVector[] {s, d.slice(0, 2), w,
                ColumnVector.constant(DataTypes.StringType, "é", 4)}, 4);
        ColumnBatch back = codec.deserialize(codec.serialize(batch), getClass().getClassLoader());
        assertEquals(Arrays.asList("abc", null, "😀", "abc"), list(back.columns[0]));
        assertEquals(Arrays.asList(new BigDecimal("-123456789012345.678"), null), list(back.columns[1]));
        assertEquals(List.of(new BigDecimal("1234567890123456789012.345")), list(back.columns[2]));
        assertEquals(List.of("é", "é", "é", "é"), list(back.columns[3]));
        assertEquals(10, back.columns[0].bytesUsed, "the replaced bytes are not shipped");
        byte[] compact = codec.serialize(d);
        assertTrue(compact.length < 200, "only the live longs travel, not 1000: " + compact.length + " bytes");
    }

    private static List<Object> list(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size; i++) {
            out.add(v.get(i));
        }
        return out;
    }
}
