package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each encoder of {@link Encoders} through a round trip, and {@code df.as(encoder)}'s column matching. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncodersTest {

    /** Every kind of property a bean can have today, sorted by name as the schema is. */
    public static final class Everything {
        private BigInteger big;
        private byte[] bytes;
        private LocalDate day;
        private BigDecimal money;
        private float ratio;
        private short small;
        private Instant when;

        public BigInteger getBig() {
            return big;
        }

        public void setBig(BigInteger big) {
            this.big = big;
        }

        public byte[] getBytes() {
            return bytes;
        }

        public void setBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        public LocalDate getDay() {
            return day;
        }

        public void setDay(LocalDate day) {
            this.day = day;
        }

        public BigDecimal getMoney() {
            return money;
        }

        public void setMoney(BigDecimal money) {
            this.money = money;
        }

        public float getRatio() {
            return ratio;
        }

        public void setRatio(float ratio) {
            this.ratio = ratio;
        }

        public short getSmall() {
            return small;
        }

        public void setSmall(short small) {
            this.small = small;
        }

        public Instant getWhen() {
            return when;
        }

        public void setWhen(Instant when) {
            this.when = when;
        }
    }

    /** A bean that refers to itself. */
    public static final class Node {
        private Node next;

        public Node getNext() {
            return next;
        }

        public void setNext(Node next) {
            this.next = next;
        }
    }

    /** A bean without a no-argument constructor. */
    public static final class NoDefault {
        private final String id;

        public NoDefault(String id) {
            this.id = id;
        }

        public String getId() {
            return id;
        }
    }

    record Named(String name, long count) {
    }

    /** Arrays and lists become array columns. */
    record Bag(List<String> tags, int[] sizes, List<LocalDate> days, Short[] codes) {
    }

    record WithMap(java.util.Map<String, Integer> counts) {
    }

    /** Opaque to the engine: stored as bytes. */
    static final class Opaque implements Serializable {
        final List<String> parts;

        Opaque(List<String> parts) {
            this.parts = parts;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque x && x.parts.equals(parts);
        }

        @Override
        public int hashCode() {
            return parts.hashCode();
        }
    }

    private final EmberSession spark = TestSession.get();

    private <T> List<T> roundTrip(List<T> values, Encoder<T> encoder) {
        // Through a typed map, so that values are decoded and encoded again on the executors.
        return spark.createDataset(values, encoder).map(v -> v, encoder).collectAsList();
    }

    @Test
    void singleValues_roundTripWithNulls() {
        assertEquals(Arrays.asList(1L, null, Long.MIN_VALUE), roundTrip(Arrays.asList(1L, null, Long.MIN_VALUE),
                Encoders.LONG()));
        assertEquals(Arrays.asList(1.5, null), roundTrip(Arrays.asList(1.5, null), Encoders.DOUBLE()));
        assertEquals(Arrays.asList(1.25f, null), roundTrip(Arrays.asList(1.25f, null), Encoders.FLOAT()));
        assertEquals(Arrays.asList((short) -3, null), roundTrip(Arrays.asList((short) -3, null), Encoders.SHORT()));
        assertEquals(Arrays.asList((byte) 7, null), roundTrip(Arrays.asList((byte) 7, null), Encoders.BYTE()));
        assertEquals(Arrays.asList(true, null, false), roundTrip(Arrays.asList(true, null, false), Encoders.BOOLEAN()));
        assertEquals(0, new BigDecimal("12.345").compareTo(roundTrip(List.of(new BigDecimal("12.345")),
                Encoders.DECIMAL()).get(0)));
        LocalDate day = LocalDate.of(2024, 2, 29);
        assertEquals(List.of(day), roundTrip(List.of(day), Encoders.LOCALDATE()));
        assertEquals(List.of(java.sql.Date.valueOf(day)), roundTrip(List.of(java.sql.Date.valueOf(day)),
                Encoders.DATE()));
        Instant when = Instant.parse("2024-03-01T10:15:30.123456Z");
        assertEquals(List.of(when), roundTrip(List.of(when), Encoders.INSTANT()));
        assertEquals(List.of(java.sql.Timestamp.from(when)), roundTrip(List.of(java.sql.Timestamp.from(when)),
                Encoders.TIMESTAMP()));
        assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(List.of(new byte[] {1, 2, 3}), Encoders.BINARY()).get(0));
        assertEquals(new StructType().add("value", DataTypes.DoubleType, true), Encoders.FLOAT().schema());
        assertEquals(Short.class, Encoders.SHORT().clsTag());
    }

    @Test
    void beanWithEveryScalarKind_roundTrips() {
        Everything e = new Everything();
        e.setBig(new BigInteger("123456789012345678901234567890"));
        e.setBytes(new byte[] {9, 8});
        e.setDay(LocalDate.of(1999, 12, 31));
        e.setMoney(new BigDecimal("0.125"));
        e.setRatio(0.5f);
        e.setSmall((short) 300);
        e.setWhen(Instant.parse("2000-01-01T00:00:00Z"));
        Everything back = roundTrip(List.of(e), Encoders.bean(Everything.class)).get(0);
        assertEquals(e.getBig(), back.getBig());
        assertArrayEquals(e.getBytes(), back.getBytes());
        assertEquals(e.getDay(), back.getDay());
        assertEquals(0, e.getMoney().compareTo(back.getMoney()));
        assertEquals(0.5f, back.getRatio());
        assertEquals((short) 300, back.getSmall());
        assertEquals(e.getWhen(), back.getWhen());
        assertArrayEquals(new String[] {"big", "bytes", "day", "money", "ratio", "small", "when"},
                Encoders.bean(Everything.class).schema().fieldNames());
    }

    @Test
    void listsAndArrays_areArrayColumns() {
        Encoder<Bag> encoder = Encoders.bean(Bag.class);
        assertEquals(new StructType()
                .add("tags", DataTypes.createArrayType(DataTypes.StringType, true), true)
                .add("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
                .add("days", DataTypes.createArrayType(DataTypes.DateType, true), true)
                .add("codes", DataTypes.createArrayType(DataTypes.IntegerType, true), true), encoder.schema());
        Bag bag = new Bag(Arrays.asList("a", null), new int[] {3, 1}, List.of(LocalDate.of(2020, 1, 2)),
                new Short[] {7, null});
        Bag back = roundTrip(Arrays.asList(bag, new Bag(null, null, List.of(), new Short[0])), encoder).get(0);
        assertEquals(bag.tags(), back.tags());
        assertArrayEquals(bag.sizes(), back.sizes());
        assertEquals(bag.days(), back.days());
        assertArrayEquals(bag.codes(), back.codes());
        // The columns are arrays to the engine too.
        DataFrame df = spark.createDataFrame(List.of(bag), Bag.class);
        assertEquals(List.of(Row.of(2, 2)), df.select(Functions.size(Functions.col("tags")),
                Functions.size(Functions.col("sizes"))).collectAsList());
    }

    @Test
    void mapProperty_isAMapColumn() {
        assertEquals(new StructType().add("counts", DataTypes.createMapType(DataTypes.StringType,
                DataTypes.IntegerType, true), true), Encoders.bean(WithMap.class).schema());
        java.util.Map<String, Integer> withNull = new java.util.HashMap<>();
        withNull.put("a", null);
        List<WithMap> values = Arrays.asList(new WithMap(java.util.Map.of("x", 1, "y", 2)), new WithMap(withNull),
                new WithMap(java.util.Map.of()), new WithMap(null));
        assertEquals(values, roundTrip(values, Encoders.bean(WithMap.class)));
    }

    @Test
    void kryoAndJavaSerialization_storeOpaqueObjectsAsBytes() {
        List<Opaque> values = Arrays.asList(new Opaque(List.of("a", "b")), null, new Opaque(List.of()));
        assertEquals(values, roundTrip(values, Encoders.kryo(Opaque.class)));
        assertEquals(values, roundTrip(values, Encoders.javaSerialization(Opaque.class)));
        assertEquals(new StructType().add("value", DataTypes.BinaryType, true),
                Encoders.kryo(Opaque.class).schema());
    }

    @Test
    void as_matchesColumnsByNameIgnoringOrderCaseAndExtras() {
        DataFrame df = spark.createDataFrame(List.of(Row.of(3, "x", true), Row.of(null, "y", false)),
                new StructType().add("COUNT", DataTypes.IntegerType).add("name", DataTypes.StringType)
                        .add("extra", DataTypes.BooleanType));
        Dataset<Named> ds = df.filter(Functions.col("COUNT").isNotNull()).as(Encoders.bean(Named.class));
        // The DataFrame's columns stay until a typed operation.
        assertArrayEquals(new String[] {"COUNT", "name", "extra"}, ds.columns());
        // The int column is cast up to the long component.
        assertEquals(List.of(new Named("x", 3L)), ds.collectAsList());
        assertArrayEquals(new String[] {"name", "count"}, ds.map(n -> n, Encoders.bean(Named.class)).columns());
    }

    @Test
    void as_missingColumnNamesItAndTheAvailableOnes() {
        DataFrame df = spark.createDataFrame(List.of(Row.of("x")), new StructType().add("name", DataTypes.StringType));
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.as(Encoders.bean(Named.class)));
        assertTrue(e.getMessage().contains("`count`"), e.getMessage());
        assertTrue(e.getMessage().contains("[`name`]"), e.getMessage());
    }

    @Test
    void as_refusesANarrowingCast() {
        DataFrame df = spark.createDataFrame(List.of(Row.of("x", 1L)),
                new StructType().add("value", DataTypes.StringType).add("n", DataTypes.LongType));
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.select("n").toDF("value")
                .as(Encoders.INT()));
        assertTrue(e.getMessage().contains("Cannot up cast value from \"BIGINT\" to \"INT\""), e.getMessage());
        // Widening is fine, and anything reads as a string.
        assertEquals(List.of(1.0), df.select("n").toDF("value").as(Encoders.DOUBLE()).collectAsList());
        assertEquals(List.of("1"), df.select("n").toDF("value").as(Encoders.STRING()).collectAsList());
    }

    @Test
    void selfReferencingBean_isRejectedNamingTheCycle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.bean(Node.class));
        assertTrue(e.getMessage().contains("circular reference of class " + Node.class.getName()), e.getMessage());
    }

    @Test
    void beanWithoutNoArgumentConstructor_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Encoders.bean(NoDefault.class));
        assertTrue(e.getMessage().contains(NoDefault.class.getName()) && e.getMessage().contains("no-argument"),
                e.getMessage());
    }

    @Test
    void tupleOfABean_isAStructColumn() {
        Encoder<io.vavr.Tuple2<String, Named>> e = Encoders.tuple(Encoders.STRING(), Encoders.bean(Named.class));
        assertEquals(new StructType().add("_1", DataTypes.StringType, true)
                .add("_2", Encoders.bean(Named.class).schema(), true), e.schema());
    }

    @Test
    void foreignEncoder_isRejected() {
        Encoder<String> foreign = new Encoder<>() {
            @Override
            public StructType schema() {
                return new StructType().add("value", DataTypes.StringType);
            }

            @Override
            public Class<String> clsTag() {
                return String.class;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.createDataset(List.of("a"), foreign));
        assertTrue(e.getMessage().contains("Encoders"), e.getMessage());
        assertTrue(Objects.requireNonNull(e.getMessage()).contains("not one of Ember's"));
    }
}
