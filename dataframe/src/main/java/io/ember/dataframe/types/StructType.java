package io.ember.dataframe.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A schema: an ordered list of {@link StructField}s. Immutable: {@link #add} returns a new
 * struct, so {@code new StructType().add("a", DataTypes.IntegerType).add("b", "string")} builds
 * one field at a time.
 */
public final class StructType extends DataType implements Iterable<StructField> {
    private static final long serialVersionUID = 1L;

    private final StructField[] fields;

    /** The empty struct. */
    public StructType() {
        this(new StructField[0]);
    }

    /** A struct of {@code fields} (copied). */
    public StructType(StructField[] fields) {
        Objects.requireNonNull(fields, "fields is null");
        this.fields = fields.clone();
        for (StructField f : this.fields) {
            Objects.requireNonNull(f, "a field is null");
        }
    }

    /**
     * Parses a DDL string such as {@code "VendorID INT, fare_amount DOUBLE, d DECIMAL(10,2) NOT NULL"}.
     *
     * @throws IllegalArgumentException naming the position of a syntax error or an unknown type
     */
    public static StructType fromDDL(String ddl) {
        return DdlParser.parseSchema(ddl);
    }

    /** A copy with a nullable field added at the end. */
    public StructType add(String name, DataType dataType) {
        return add(name, dataType, true);
    }

    /** A copy with a field added at the end. */
    public StructType add(String name, DataType dataType, boolean nullable) {
        return add(new StructField(name, dataType, nullable));
    }

    /** A copy with a nullable field of the type named in DDL ({@code "int"}, {@code "decimal(10,2)"}) added. */
    public StructType add(String name, String dataType) {
        return add(name, DdlParser.parseType(dataType), true);
    }

    /** A copy with a field of the type named in DDL added. */
    public StructType add(String name, String dataType, boolean nullable) {
        return add(name, DdlParser.parseType(dataType), nullable);
    }

    /** A copy with {@code field} added at the end. */
    public StructType add(StructField field) {
        StructField[] copy = Arrays.copyOf(fields, fields.length + 1);
        copy[fields.length] = Objects.requireNonNull(field, "field is null");
        return new StructType(copy);
    }

    /** The fields, in order (a copy). */
    public StructField[] fields() {
        return fields.clone();
    }

    /** The field names, in order. */
    public String[] fieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].name();
        }
        return names;
    }

    /** The number of fields. */
    public int size() {
        return fields.length;
    }

    /** The field at {@code i}. */
    public StructField apply(int i) {
        return fields[i];
    }

    /**
     * The field named {@code name} (exact match).
     *
     * @throws IllegalArgumentException if there is none
     */
    public StructField apply(String name) {
        return fields[fieldIndex(name)];
    }

    /**
     * The position of the field named {@code name} (exact match).
     *
     * @throws IllegalArgumentException naming the existing fields if there is none
     */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
                + String.join(", ", fieldNames()));
    }

    /** The fields as a list. */
    public List<StructField> toList() {
        return List.of(fields);
    }

    @Override
    public Iterator<StructField> iterator() {
        return Arrays.asList(fields).iterator();
    }

    /** The schema as a DDL string, e.g. {@code a INT,b STRING}. */
    public String toDDL() {
        List<String> parts = new ArrayList<>();
        for (StructField f : fields) {
            parts.add(f.toDDL());
        }
        return String.join(",", parts);
    }

    /** The schema in Spark's tree format, as {@code printSchema()} prints it. */
    public String treeString() {
        StringBuilder sb = new StringBuilder("root\n");
        for (StructField f : fields) {
            appendField(sb, " |", f.name(), f.dataType(), "nullable", f.nullable());
        }
        return sb.toString();
    }

    /** Prints {@link #treeString()} to standard output. */
    public void printTreeString() {
        System.out.print(treeString());
    }

    /** One line of the tree, then the lines of the type's children; a null {@code nullLabel} shows no nullability. */
    private static void appendField(StringBuilder sb, String prefix, String name, DataType type, String nullLabel,
                                    boolean nullable) {
        sb.append(prefix).append("-- ").append(name).append(": ").append(type.typeName());
        if (nullLabel != null) {
            sb.append(" (").append(nullLabel).append(" = ").append(nullable).append(")");
        }
        sb.append('\n');
        String inner = prefix + "    |";
        if (type instanceof ArrayType a) {
            appendField(sb, inner, "element", a.elementType(), "containsNull", a.containsNull());
        } else if (type instanceof MapType m) {
            appendField(sb, inner, "key", m.keyType(), null, false);
            appendField(sb, inner, "value", m.valueType(), "valueContainsNull", m.valueContainsNull());
        } else if (type instanceof StructType s) {
            for (StructField f : s.fields) {
                appendField(sb, inner, f.name(), f.dataType(), "nullable", f.nullable());
            }
        }
    }

    @Override
    public String typeName() {
        return "struct";
    }

    @Override
    public String simpleString() {
        List<String> parts = new ArrayList<>();
        for (StructField f : fields) {
            parts.add(f.name() + ":" + f.dataType().simpleString());
        }
        return "struct<" + String.join(",", parts) + ">";
    }

    @Override
    public String sql() {
        List<String> parts = new ArrayList<>();
        for (StructField f : fields) {
            parts.add(StructField.quoteIfNeeded(f.name()) + ": " + f.dataType().sql());
        }
        return "STRUCT<" + String.join(", ", parts) + ">";
    }

    @Override
    public int defaultSize() {
        int size = 0;
        for (StructField f : fields) {
            size += f.dataType().defaultSize();
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructType s && Arrays.equals(s.fields, fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "StructType(" + String.join(",", Arrays.stream(fields).map(StructField::toString).toList()) + ")";
    }
}
