package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bean properties of map and bean types (map and struct columns), lists and arrays of beans, in
 * both directions, with nulls and empty collections at every level; expected values are built by
 * hand.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NestedBeansTest {

    private final EmberSession spark = TestSession.get();

    private static final StructType ADDRESS = new StructType().add("city", DataTypes.StringType, true)
            .add("zip", DataTypes.IntegerType, false);

    private static final StructType PERSON = new StructType()
            .add("byTag", DataTypes.createMapType(DataTypes.StringType, ADDRESS, true), true)
            .add("home", ADDRESS, true)
            .add("id", DataTypes.createDecimalType(38, 0), true)
            .add("name", DataTypes.StringType, true)
            .add("others", DataTypes.createArrayType(ADDRESS, true), true)
            .add("past", DataTypes.createArrayType(ADDRESS, true), true)
            .add("scores", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, true), true);

    /** Every nested property set, one null at each level, empty collections, and all nulls. */
    private static List<Person> people() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("math", 3);
        scores.put("art", null);
        Map<String, Address> byTag = new LinkedHashMap<>();
        byTag.put("work", new Address("Oslo", 150));
        byTag.put("gone", null);
        Person full = new Person("ann", new Address("Bergen", 5003), new BigInteger("123456789012345678901234567890"),
                Arrays.asList(new Address("Paris", 75001), null, new Address(null, 0)),
                new Address[] {null, new Address("Rome", 100)}, scores, byTag);
        Person empty = new Person("bob", new Address(null, 7), BigInteger.ZERO, List.of(), new Address[0],
                Map.of(), Map.of());
        Person nulls = new Person(null, null, null, null, null, null, null);
        return List.of(full, empty, nulls);
    }

    @Test
    void schema_ofANestedBeanIsAHandWrittenStructType() {
        assertEquals(PERSON, spark.createDataFrame(List.of(), Person.class).schema());
        assertEquals(PERSON, Encoders.bean(Person.class).schema());
        // Spark's printSchema of the same bean, written out by hand.
        assertEquals("root\n"
                + " |-- home: struct (nullable = true)\n"
                + " |    |-- city: string (nullable = true)\n"
                + " |    |-- zip: integer (nullable = false)\n",
                spark.createDataFrame(List.of(), OnlyHome.class).schema().treeString());
    }

    @Test
    void createDataFrame_fromList_holdsRowsMapsAndLists() {
        List<Row> rows = spark.createDataFrame(people(), Person.class).collectAsList();
        Map<String, Integer> scores = new HashMap<>();
        scores.put("math", 3);
        scores.put("art", null);
        Map<String, Row> byTag = new HashMap<>();
        byTag.put("work", Row.of("Oslo", 150));
        byTag.put("gone", null);
        Row full = Row.of(byTag, Row.of("Bergen", 5003), new BigDecimal("123456789012345678901234567890"), "ann",
                Arrays.asList(null, Row.of("Rome", 100)),
                Arrays.asList(Row.of("Paris", 75001), null, Row.of(null, 0)), scores);
        Row empty = Row.of(Map.of(), Row.of(null, 7), BigDecimal.ZERO, "bob", List.of(), List.of(), Map.of());
        Row nulls = Row.of(null, null, null, null, null, null, null);
        assertEquals(List.of(full, empty, nulls), rows);
        assertEquals(Map.of("work", Row.of("Oslo", 150)).get("work"), rows.get(0).getJavaMap(0).get("work"));
        assertEquals("Bergen", rows.get(0).getStruct(1).getString(0));
    }

    @Test
    void createDataFrame_fromRdd_matchesTheList() {
        DataFrame fromRdd = spark.createDataFrame(spark.context().parallelize(people(), 2), Person.class);
        assertEquals(PERSON, fromRdd.schema());
        assertEquals(spark.createDataFrame(people(), Person.class).collectAsList(), fromRdd.collectAsList());
    }

    @Test
    void beanEncoder_roundTripsThroughListsRddsAndAs() {
        Encoder<Person> encoder = Encoders.bean(Person.class);
        assertEquals(people(), spark.createDataset(people(), encoder).collectAsList());
        assertEquals(people(), spark.createDataset(spark.context().parallelize(people(), 2), encoder)
                .collectAsList());
        assertEquals(people(), spark.createDataFrame(people(), Person.class).as(encoder).collectAsList());
    }

    @Test
    void map_readsNestedBeansAndBuildsThem() {
        Dataset<Person> ds = spark.createDataset(spark.context().parallelize(people(), 2), Encoders.bean(Person.class));
        List<Address> homes = new ArrayList<>();
        for (Person p : people()) {
            if (p.getHome() != null) {
                homes.add(p.getHome());
            }
        }
        assertEquals(homes, ds.filter(p -> p.getHome() != null).map(Person::getHome, Encoders.bean(Address.class))
                .collectAsList());
        List<Integer> pastSizes = people().stream().map(p -> p.getPast() == null ? -1 : p.getPast().size()).toList();
        assertEquals(pastSizes, ds.map(p -> p.getPast() == null ? -1 : p.getPast().size(), Encoders.INT())
                .collectAsList());
        Dataset<Holder> holders = ds.map(p -> new Holder(p.getName(), p), Encoders.bean(Holder.class));
        assertEquals(people(), holders.map(Holder::getPerson, Encoders.bean(Person.class)).collectAsList());
    }

    @Test
    void structColumns_areReadableBySql() {
        DataFrame df = spark.createDataFrame(people(), Person.class);
        List<Row> cities = df.select(df.col("home").getField("city"), df.col("scores").getItem("math"))
                .collectAsList();
        assertEquals(List.of(Row.of("Bergen", 3), Row.of(null, null), Row.of(null, null)), cities);
    }

    @Test
    void nestedRecords_roundTrip() {
        List<Segment> segments = Arrays.asList(new Segment(new Point(1, 2), new Point(3, 4)),
                new Segment(null, new Point(0, -1)));
        Dataset<Segment> ds = spark.createDataset(segments, Encoders.bean(Segment.class));
        StructType point = new StructType().add("x", DataTypes.IntegerType, false).add("y", DataTypes.IntegerType,
                false);
        assertEquals(new StructType().add("from", point, true).add("to", point, true), ds.schema());
        assertEquals(segments, ds.collectAsList());
    }

    @Test
    void nullInAPrimitivePropertyOfANestedBean_namesTheField() {
        DataFrame df = spark.createDataFrame(List.of(Row.of((Object) Row.of("x", null))),
                new StructType().add("home", new StructType().add("city", DataTypes.StringType)
                        .add("zip", DataTypes.IntegerType)));
        Exception e = assertThrows(Exception.class, () -> df.as(Encoders.bean(OnlyHome.class)).collectAsList());
        String message = fullMessage(e);
        assertTrue(message.contains("field zip of field home of " + OnlyHome.class.getName()), message);
    }

    @Test
    void selfReference_throughListMapOrBean_isAnErrorNamingThePropertyPath() {
        IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
                () -> Encoders.bean(Tree.class));
        assertTrue(list.getMessage().contains("circular reference of class " + Tree.class.getName())
                && list.getMessage().contains("property " + Tree.class.getName() + ".children"), list.getMessage());
        IllegalArgumentException map = assertThrows(IllegalArgumentException.class,
                () -> spark.createDataFrame(List.of(), Graph.class));
        assertTrue(map.getMessage().contains("property " + Graph.class.getName() + ".edges.target"),
                map.getMessage());
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> spark.createDataFrame(spark.context().parallelize(List.<Edge>of(), 1), Edge.class));
        assertTrue(array.getMessage().contains("property " + Edge.class.getName() + ".target.edges"),
                array.getMessage());
    }

    @Test
    void tupleOfBeansAndTuples_usesStructColumns() {
        Encoder<Tuple2<Address, Tuple2<String, Long>>> encoder = Encoders.tuple(Encoders.bean(Address.class),
                Encoders.tuple(Encoders.STRING(), Encoders.LONG()));
        StructType inner = new StructType().add("_1", DataTypes.StringType, true).add("_2", DataTypes.LongType, true);
        assertEquals(new StructType().add("_1", ADDRESS, true).add("_2", inner, true), encoder.schema());
        List<Tuple2<Address, Tuple2<String, Long>>> values = Arrays.asList(
                Tuple.of(new Address("Oslo", 150), Tuple.of("a", 1L)), Tuple.of(null, Tuple.of(null, null)),
                Tuple.of(new Address(null, 0), null));
        Dataset<Tuple2<Address, Tuple2<String, Long>>> ds = spark.createDataset(values, encoder);
        assertEquals(values, ds.map(t -> t, encoder).collectAsList());
        assertEquals(List.of(Row.of(Row.of("Oslo", 150), Row.of("a", 1L)), Row.of(null, Row.of(null, null)),
                Row.of(Row.of(null, 0), null)), ds.toDF().collectAsList());
        List<Person> people = people();
        Encoder<Tuple2<Integer, Person>> numbered = Encoders.tuple(Encoders.INT(), Encoders.bean(Person.class));
        List<Tuple2<Integer, Person>> pairs = List.of(Tuple.of(1, people.get(0)), Tuple.of(2, people.get(1)),
                Tuple.of(3, people.get(2)));
        assertEquals(pairs, spark.createDataset(spark.context().parallelize(pairs, 2), numbered)
                .map(t -> t, numbered).collectAsList());
    }

    private static String fullMessage(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append(" | ");
        }
        return s.toString();
    }

    /** A bean nested in {@link Person}; a primitive property, so a non-nullable field. */
    public static final class Address implements Serializable {
        private String city;
        private int zip;

        public Address() {
        }

        Address(String city, int zip) {
            this.city = city;
            this.zip = zip;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public int getZip() {
            return zip;
        }

        public void setZip(int zip) {
            this.zip = zip;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Objects.equals(city, a.city) && zip == a.zip;
        }

        @Override
        public int hashCode() {
            return Objects.hash(city, zip);
        }

        @Override
        public String toString() {
            return "Address(" + city + ", " + zip + ")";
        }
    }

    /** Holds a bean, a list and an array of beans, and maps of scalars and of beans. */
    public static final class Person implements Serializable {
        private String name;
        private Address home;
        private BigInteger id;
        private List<Address> past;
        private Address[] others;
        private Map<String, Integer> scores;
        private Map<String, Address> byTag;

        public Person() {
        }

        Person(String name, Address home, BigInteger id, List<Address> past, Address[] others,
                Map<String, Integer> scores, Map<String, Address> byTag) {
            this.name = name;
            this.home = home;
            this.id = id;
            this.past = past;
            this.others = others;
            this.scores = scores;
            this.byTag = byTag;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Address getHome() {
            return home;
        }

        public void setHome(Address home) {
            this.home = home;
        }

        public BigInteger getId() {
            return id;
        }

        public void setId(BigInteger id) {
            this.id = id;
        }

        public List<Address> getPast() {
            return past;
        }

        public void setPast(List<Address> past) {
            this.past = past;
        }

        public Address[] getOthers() {
            return others;
        }

        public void setOthers(Address[] others) {
            this.others = others;
        }

        public Map<String, Integer> getScores() {
            return scores;
        }

        public void setScores(Map<String, Integer> scores) {
            this.scores = scores;
        }

        public Map<String, Address> getByTag() {
            return byTag;
        }

        public void setByTag(Map<String, Address> byTag) {
            this.byTag = byTag;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && Objects.equals(name, p.name) && Objects.equals(home, p.home)
                    && Objects.equals(id, p.id) && Objects.equals(past, p.past) && Arrays.equals(others, p.others)
                    && Objects.equals(scores, p.scores) && Objects.equals(byTag, p.byTag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, home, id, past, Arrays.hashCode(others), scores, byTag);
        }

        @Override
        public String toString() {
            return "Person(" + name + ", " + home + ", " + id + ", " + past + ", " + Arrays.toString(others) + ", "
                    + scores + ", " + byTag + ")";
        }
    }

    /** A bean holding a bean that holds beans. */
    public static final class Holder implements Serializable {
        private String label;
        private Person person;

        public Holder() {
        }

        Holder(String label, Person person) {
            this.label = label;
            this.person = person;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Person getPerson() {
            return person;
        }

        public void setPerson(Person person) {
            this.person = person;
        }
    }

    /** Only a nested bean. */
    public static final class OnlyHome implements Serializable {
        private Address home;

        public Address getHome() {
            return home;
        }

        public void setHome(Address home) {
            this.home = home;
        }
    }

    /** A record of records. */
    public record Point(int x, int y) implements Serializable {
    }

    /** A record of records. */
    public record Segment(Point from, Point to) implements Serializable {
    }

    /** Refers to itself through a list. */
    public static final class Tree {
        public List<Tree> getChildren() {
            return null;
        }
    }

    /** Refers to itself through a map of another bean. */
    public static final class Graph {
        public Map<String, Edge> getEdges() {
            return null;
        }
    }

    /** Refers back to {@link Graph}. */
    public static final class Edge {
        public Graph getTarget() {
            return null;
        }
    }
}
