package io.ember.dataframe.internal.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into records: a top-level object is one record, a top-level array of objects
 * is one record per element. Field values are kept as written: numbers as {@link Number} (their
 * exact text), nested objects and arrays as {@link Nested} (their JSON text), so that typing them
 * loses nothing; a nested value also carries its parsed form (objects as maps by field name,
 * arrays as lists) for struct, map and array columns. The leniencies are Spark's options: comments, unquoted field names, single
 * quotes, numeric leading zeros; {@code NaN} and {@code Infinity} are numbers as in Spark.
 * Malformed text is an {@link IllegalArgumentException} saying what was expected where.
 */
final class JsonRecordParser {
    /** A number as written; {@code integral} when it has no fraction or exponent. */
    record Number(String text, boolean integral) {
        /** The exact value; NaN and infinities have none. */
        BigDecimal decimal() {
            return new BigDecimal(text);
        }

        boolean special() {
            return text.endsWith("NaN") || text.endsWith("Infinity");
        }
    }

    /** A nested object or array: its JSON text, and its value (a {@code Map<String, Object>} or a {@code List<Object>}). */
    record Nested(String json, Object value) {
    }

    private final JsonOptions options;
    private String s;
    private int pos;

    JsonRecordParser(JsonOptions options) {
        this.options = options;
    }

    /**
     * The records of {@code text}; none for blank text.
     *
     * @throws IllegalArgumentException if it is not an object or an array of objects
     */
    List<Map<String, Object>> records(String text) {
        this.s = text;
        this.pos = 0;
        skipSpace();
        List<Map<String, Object>> out = new ArrayList<>();
        if (pos >= s.length()) {
            return out;
        }
        char c = s.charAt(pos);
        if (c == '{') {
            out.add(object());
        } else if (c == '[') {
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    if (peek() != '{') {
                        throw error("an object as array element");
                    }
                    out.add(object());
                    skipSpace();
                    char d = next("',' or ']'");
                    if (d == ']') {
                        break;
                    }
                    if (d != ',') {
                        throw error("',' or ']'", pos - 1);
                    }
                }
            }
        } else {
            throw error("'{' or '['");
        }
        skipSpace();
        if (pos < s.length()) {
            throw error("the end of the record");
        }
        return out;
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            String key = fieldName();
            skipSpace();
            if (next("':'") != ':') {
                throw error("':'", pos - 1);
            }
            skipSpace();
            out.put(key, value());
            skipSpace();
            char c = next("',' or '}'");
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("',' or '}'", pos - 1);
            }
        }
    }

    private String fieldName() {
        char c = peek();
        if (c == '"' || c == '\'' && options.allowSingleQuotes()) {
            return string();
        }
        if (options.allowUnquotedFieldNames() && (Character.isJavaIdentifierStart(c))) {
            int start = pos;
            while (pos < s.length() && Character.isJavaIdentifierPart(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }
        throw error("a quoted field name");
    }

    private Object value() {
        char c = peek();
        if (c == '"' || c == '\'' && options.allowSingleQuotes()) {
            return string();
        }
        if (c == '{' || c == '[') {
            int start = pos;
            Object nested = c == '{' ? object() : array();
            return new Nested(s.substring(start, pos), nested);
        }
        int start = pos;
        while (pos < s.length() && ",}] \t\r\n/".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String word = s.substring(start, pos);
        switch (word) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "NaN", "Infinity", "+Infinity", "-Infinity":
                return new Number(word.startsWith("+") ? word.substring(1) : word, false);
            default:
                return number(word, start);
        }
    }

    private Number number(String word, int start) {
        int i = word.startsWith("-") ? 1 : 0;
        int digits = i;
        while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
            digits++;
        }
        if (digits == i) {
            throw error("a value", start);
        }
        if (!options.allowNumericLeadingZeros() && digits - i > 1 && word.charAt(i) == '0') {
            throw new IllegalArgumentException("Numeric leading zeros are not allowed (option allowNumericLeadingZeros):"
                    + " '" + word + "' at character " + start);
        }
        try {
            new BigDecimal(word);
        } catch (NumberFormatException e) {
            throw error("a number", start);
        }
        boolean integral = word.indexOf('.') < 0 && word.indexOf('e') < 0 && word.indexOf('E') < 0;
        String text = word.charAt(i) == '0' && digits - i > 1 && integral
                ? (i == 1 ? "-" : "") + new BigDecimal(word.substring(i)).toPlainString() : word;
        return new Number(text, integral);
    }

    private List<Object> array() {
        pos++;
        List<Object> out = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            out.add(value());
            skipSpace();
            char c = next("',' or ']'");
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw error("',' or ']'", pos - 1);
            }
        }
    }

    /**
     * The value of one JSON text (an object, array or scalar), as {@link #records} keeps field
     * values; for {@code from_json}.
     *
     * @throws IllegalArgumentException if the text is not one JSON value
     */
    Object parseValue(String text) {
        this.s = text;
        this.pos = 0;
        skipSpace();
        Object v = value();
        skipSpace();
        if (pos < s.length()) {
            throw error("the end of the value");
        }
        return v;
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next("a closing quote");
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next("an escaped character");
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("four hex digits");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("four hex digits");
                    }
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && options.allowComments() && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && options.allowComments() && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("the end of a comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("more input");
        }
        return s.charAt(pos);
    }

    private char next(String expected) {
        if (pos >= s.length()) {
            throw error(expected);
        }
        return s.charAt(pos++);
    }

    private IllegalArgumentException error(String expected) {
        return error(expected, pos);
    }

    private IllegalArgumentException error(String expected, int at) {
        String found = at >= s.length() ? "the end of the input" : "'" + s.charAt(at) + "'";
        return new IllegalArgumentException("Malformed JSON: expected " + expected + " at character " + at
                + " but found " + found);
    }
}
