package io.ember.dataframe.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses DDL schema strings ({@code "a INT, b DECIMAL(10,2) NOT NULL"}) and type names. */
final class DdlParser {
    private final String text;
    private int pos;

    private DdlParser(String text) {
        this.text = text;
    }

    static StructType parseSchema(String ddl) {
        if (ddl == null) {
            throw new IllegalArgumentException("DDL string is null");
        }
        DdlParser p = new DdlParser(ddl);
        List<StructField> fields = new ArrayList<>();
        p.skipSpace();
        if (p.pos == p.text.length()) {
            return new StructType();
        }
        while (true) {
            String name = p.identifier();
            p.skipSpace();
            if (p.peek() == ':') {
                p.pos++;
            }
            DataType type = p.type();
            boolean nullable = true;
            p.skipSpace();
            if (p.keyword("NOT")) {
                nullable = p.notNull();
            }
            if (p.keyword("COMMENT")) {
                p.quoted('\'');
            }
            fields.add(new StructField(name, type, nullable));
            p.skipSpace();
            if (p.pos == p.text.length()) {
                break;
            }
            p.expect(',');
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    static DataType parseType(String typeName) {
        if (typeName == null) {
            throw new IllegalArgumentException("type name is null");
        }
        DdlParser p = new DdlParser(typeName);
        DataType t = p.type();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected text after the type");
        }
        return t;
    }

    private DataType type() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos).toLowerCase(Locale.ROOT);
        switch (word) {
            case "boolean", "bool":
                return DataTypes.BooleanType;
            case "int", "integer":
                return DataTypes.IntegerType;
            case "bigint", "long":
                return DataTypes.LongType;
            case "double":
                return DataTypes.DoubleType;
            case "string", "varchar", "char", "text":
                skipSpace();
                if (peek() == '(') {
                    number();
                }
                return DataTypes.StringType;
            case "date":
                return DataTypes.DateType;
            case "timestamp":
                return DataTypes.TimestampType;
            case "binary":
                return DataTypes.BinaryType;
            case "decimal", "dec", "numeric": {
                skipSpace();
                if (peek() != '(') {
                    return DecimalType.USER_DEFAULT;
                }
                pos++;
                int precision = number();
                int scale = 0;
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    scale = number();
                }
                expect(')');
                try {
                    return new DecimalType(precision, scale);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "array": {
                skipSpace();
                expect('<');
                DataType element = type();
                skipSpace();
                expect('>');
                return new ArrayType(element, true);
            }
            case "map": {
                skipSpace();
                expect('<');
                DataType key = type();
                expect(',');
                DataType value = type();
                expect('>');
                return new MapType(key, value, true);
            }
            case "struct":
                return struct();
            case "":
                throw error("expected a type");
            default:
                throw new IllegalArgumentException("Unsupported data type '" + text.substring(start, pos) + "' in \""
                        + text + "\" (supported: BOOLEAN, INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, DATE, TIMESTAMP, "
                        + "BINARY, ARRAY<type>, MAP<key,value>, STRUCT<name:type,...>)");
        }
    }

    /** The rest of {@code struct<a:int, b:string>}: fields as {@code name[:] type [NOT NULL]}, possibly none. */
    private StructType struct() {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        skipSpace();
        if (peek() == '>') {
            pos++;
            return new StructType();
        }
        while (true) {
            String name = identifier();
            skipSpace();
            if (peek() == ':') {
                pos++;
            }
            DataType type = type();
            boolean nullable = !keyword("NOT") || notNull();
            fields.add(new StructField(name, type, nullable));
            skipSpace();
            if (peek() == '>') {
                pos++;
                return new StructType(fields.toArray(new StructField[0]));
            }
            expect(',');
        }
    }

    /** After {@code NOT}: requires {@code NULL} and answers false (the field is not nullable). */
    private boolean notNull() {
        if (!keyword("NULL")) {
            throw error("expected NULL after NOT");
        }
        return false;
    }

    private String identifier() {
        skipSpace();
        if (peek() == '`') {
            return quoted('`');
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a column name");
        }
        return text.substring(start, pos);
    }

    private String quoted(char q) {
        skipSpace();
        expect(q);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated " + q);
            }
            char c = text.charAt(pos++);
            if (c == q) {
                if (peek() == q) {
                    sb.append(q);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
    }

    private int number() {
        skipSpace();
        if (peek() == '(') {
            pos++;
            int n = number();
            expect(')');
            return n;
        }
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private boolean keyword(String kw) {
        skipSpace();
        int end = pos + kw.length();
        if (end <= text.length() && text.substring(pos, end).equalsIgnoreCase(kw)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Cannot parse the DDL \"" + text + "\" at position " + pos + ": " + what);
    }
}
