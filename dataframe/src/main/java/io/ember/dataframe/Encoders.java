package io.ember.dataframe;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.Tuple4;
import io.vavr.Tuple5;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Encoder}s of Ember, by Spark's names: single values ({@code Encoders.STRING()},
 * {@code INT()}, ... as one column {@code value}), Java beans and records ({@link #bean}), Vavr
 * tuples ({@link #tuple}), rows of a schema ({@link #row}) and opaque objects as bytes
 * ({@link #kryo}, {@link #javaSerialization}).
 *
 * <pre>{@code
 * Dataset<String> names = spark.createDataset(List.of("ann", "bob"), Encoders.STRING());
 * Dataset<Person> people = spark.read().json("people.json").as(Encoders.bean(Person.class));
 * Dataset<Tuple2<String, Integer>> pairs = people.map(p -> Tuple.of(p.getName(), p.getAge()),
 *         Encoders.tuple(Encoders.STRING(), Encoders.INT()));
 * }</pre>
 */
public final class Encoders {
    private Encoders() {
    }

    /** Nullable strings. */
    public static Encoder<String> STRING() {
        return new ValueEncoder<>(String.class, DataTypes.StringType);
    }

    /** Nullable longs. */
    public static Encoder<Long> LONG() {
        return new ValueEncoder<>(Long.class, DataTypes.LongType);
    }

    /** Nullable ints. */
    public static Encoder<Integer> INT() {
        return new ValueEncoder<>(Integer.class, DataTypes.IntegerType);
    }

    /** Nullable doubles. */
    public static Encoder<Double> DOUBLE() {
        return new ValueEncoder<>(Double.class, DataTypes.DoubleType);
    }

    /** Nullable floats, stored in a double column (the engine has no float type). */
    public static Encoder<Float> FLOAT() {
        return new ValueEncoder<>(Float.class, DataTypes.DoubleType);
    }

    /** Nullable shorts, stored in an int column (the engine has no short type). */
    public static Encoder<Short> SHORT() {
        return new ValueEncoder<>(Short.class, DataTypes.IntegerType);
    }

    /** Nullable bytes, stored in an int column (the engine has no byte type). */
    public static Encoder<Byte> BYTE() {
        return new ValueEncoder<>(Byte.class, DataTypes.IntegerType);
    }

    /** Nullable booleans. */
    public static Encoder<Boolean> BOOLEAN() {
        return new ValueEncoder<>(Boolean.class, DataTypes.BooleanType);
    }

    /** Nullable decimals, as {@code decimal(38,18)} (Spark's default). */
    public static Encoder<BigDecimal> DECIMAL() {
        return new ValueEncoder<>(BigDecimal.class, DataTypes.createDecimalType(38, 18));
    }

    /** Nullable {@link java.sql.Date}s. */
    public static Encoder<java.sql.Date> DATE() {
        return new ValueEncoder<>(java.sql.Date.class, DataTypes.DateType);
    }

    /** Nullable {@link LocalDate}s. */
    public static Encoder<LocalDate> LOCALDATE() {
        return new ValueEncoder<>(LocalDate.class, DataTypes.DateType);
    }

    /** Nullable {@link java.sql.Timestamp}s. */
    public static Encoder<java.sql.Timestamp> TIMESTAMP() {
        return new ValueEncoder<>(java.sql.Timestamp.class, DataTypes.TimestampType);
    }

    /** Nullable {@link Instant}s. */
    public static Encoder<Instant> INSTANT() {
        return new ValueEncoder<>(Instant.class, DataTypes.TimestampType);
    }

    /** Nullable byte arrays. */
    public static Encoder<byte[]> BINARY() {
        return new ValueEncoder<>(byte[].class, DataTypes.BinaryType);
    }

    /**
     * Java beans (readable properties sorted by name, built with the no-argument constructor and
     * the setters) or records (components in declaration order, built with the canonical
     * constructor). Properties of primitive types are non-nullable columns.
     *
     * @throws IllegalArgumentException naming the property whose type has no column type, the cycle
     *     of a bean that refers to itself, or a bean class without a no-argument constructor
     */
    public static <T> Encoder<T> bean(Class<T> beanClass) {
        return BeanEncoder.of(beanClass);
    }

    /**
     * Rows of {@code schema}, as they are: {@code df.as(Encoders.row(df.schema()))} is the
     * {@code Dataset<Row>} of a DataFrame (see {@link DataFrame#toDS()}).
     */
    public static Encoder<Row> row(StructType schema) {
        return new RowEncoder(Objects.requireNonNull(schema, "schema is null"));
    }

    /** Any objects, as one binary column {@code value} serialized with Kryo, Ember's codec. */
    public static <T> Encoder<T> kryo(Class<T> clazz) {
        return new SerializedEncoder<>(Objects.requireNonNull(clazz, "clazz is null"), true);
    }

    /** Serializable objects, as one binary column {@code value} serialized with Java serialization. */
    public static <T> Encoder<T> javaSerialization(Class<T> clazz) {
        return new SerializedEncoder<>(Objects.requireNonNull(clazz, "clazz is null"), false);
    }

    /**
     * Pairs as columns {@code _1} and {@code _2}: a single value as its column, a bean, tuple or
     * row as a struct column of its encoder's schema, as Spark does.
     *
     * <pre>{@code
     * Encoders.tuple(Encoders.STRING(), Encoders.bean(Person.class))
     * // _1: string, _2: struct<age: int, name: string>
     * }</pre>
     */
    public static <A, B> Encoder<Tuple2<A, B>> tuple(Encoder<A> e1, Encoder<B> e2) {
        return TupleEncoder.of(tupleClass(Tuple2.class), List.of(AgnosticEncoder.of(e1), AgnosticEncoder.of(e2)));
    }

    /** Triples as columns {@code _1} to {@code _3}; see {@link #tuple(Encoder, Encoder)}. */
    public static <A, B, C> Encoder<Tuple3<A, B, C>> tuple(Encoder<A> e1, Encoder<B> e2, Encoder<C> e3) {
        return TupleEncoder.of(tupleClass(Tuple3.class),
                List.of(AgnosticEncoder.of(e1), AgnosticEncoder.of(e2), AgnosticEncoder.of(e3)));
    }

    /** Four-tuples as columns {@code _1} to {@code _4}; see {@link #tuple(Encoder, Encoder)}. */
    public static <A, B, C, D> Encoder<Tuple4<A, B, C, D>> tuple(Encoder<A> e1, Encoder<B> e2, Encoder<C> e3,
            Encoder<D> e4) {
        return TupleEncoder.of(tupleClass(Tuple4.class), List.of(AgnosticEncoder.of(e1), AgnosticEncoder.of(e2),
                AgnosticEncoder.of(e3), AgnosticEncoder.of(e4)));
    }

    /** Five-tuples as columns {@code _1} to {@code _5}; see {@link #tuple(Encoder, Encoder)}. */
    public static <A, B, C, D, E> Encoder<Tuple5<A, B, C, D, E>> tuple(Encoder<A> e1, Encoder<B> e2,
            Encoder<C> e3, Encoder<D> e4, Encoder<E> e5) {
        return TupleEncoder.of(tupleClass(Tuple5.class), List.of(AgnosticEncoder.of(e1), AgnosticEncoder.of(e2),
                AgnosticEncoder.of(e3), AgnosticEncoder.of(e4), AgnosticEncoder.of(e5)));
    }

    @SuppressWarnings("unchecked")
    private static <T extends io.vavr.Tuple> Class<T> tupleClass(Class<?> raw) {
        return (Class<T>) raw;
    }
}
