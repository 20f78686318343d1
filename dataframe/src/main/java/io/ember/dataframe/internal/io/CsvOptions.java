package io.ember.dataframe.internal.io;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The options of CSV reading and writing, with Spark's names and defaults: {@code header}
 * (false), {@code inferSchema} (false), {@code sep}/{@code delimiter} (,), {@code quote} ("),
 * {@code escape} (\), {@code nullValue} (empty), {@code dateFormat}, {@code timestampFormat},
 * {@code mode} (PERMISSIVE, DROPMALFORMED, FAILFAST), {@code columnNameOfCorruptRecord}
 * (_corrupt_record), {@code badRecordsPath}, {@code comment}, {@code encoding} (UTF-8),
 * {@code ignoreLeadingWhiteSpace}, {@code ignoreTrailingWhiteSpace}, {@code compression} (write:
 * none or gzip), {@code multiLine} (false; true lets quoted fields hold line breaks).
 */
public record CsvOptions(boolean header, boolean inferSchema, char sep, char quote, char escape, String nullValue,
                         String dateFormat, String timestampFormat, Mode mode, String corruptColumn,
                         String badRecordsPath, Character comment, String encoding, boolean trimLeading,
                         boolean trimTrailing, String compression, boolean multiLine) implements Serializable {

    /** What to do with a malformed record. */
    public enum Mode { PERMISSIVE, DROPMALFORMED, FAILFAST }

    /** The option names CSV reading knows, in Spark's spelling. */
    public static final java.util.Set<String> READ_NAMES = java.util.Set.of("header", "inferSchema", "sep",
            "delimiter", "quote", "escape", "nullValue", "dateFormat", "timestampFormat", "mode",
            "columnNameOfCorruptRecord", "badRecordsPath", "comment", "encoding", "charset", "ignoreLeadingWhiteSpace",
            "ignoreTrailingWhiteSpace", "multiLine");

    /**
     * Options from a map of option names (any case) to values; names of other options (the
     * file options every format shares) are left to their readers. Which names are allowed at
     * all is checked by {@link DataSources}.
     *
     * @throws IllegalArgumentException naming a bad value
     */
    public static CsvOptions from(Map<String, String> raw) {
        Map<String, String> o = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            o.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        String sep = o.getOrDefault("sep", o.getOrDefault("delimiter", ","));
        sep = sep.equals("\\t") ? "\t" : sep;
        String quote = o.getOrDefault("quote", "\"");
        String escape = o.getOrDefault("escape", "\\");
        String comment = o.get("comment");
        return new CsvOptions(bool(o, "header"), bool(o, "inferschema"), oneChar("sep", sep), oneChar("quote", quote),
                oneChar("escape", escape), o.getOrDefault("nullvalue", ""), o.get("dateformat"), o.get("timestampformat"),
                mode(o.getOrDefault("mode", "PERMISSIVE")),
                o.getOrDefault("columnnameofcorruptrecord", "_corrupt_record"), o.get("badrecordspath"),
                comment == null || comment.isEmpty() ? null : oneChar("comment", comment),
                o.getOrDefault("encoding", o.getOrDefault("charset", "UTF-8")), bool(o, "ignoreleadingwhitespace"),
                bool(o, "ignoretrailingwhitespace"), compression(o.getOrDefault("compression", o.getOrDefault("codec", "none"))),
                bool(o, "multiline"));
    }

    /** Checks one option's value as it is set. */
    public static void check(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        switch (k) {
            case "header", "inferschema", "ignoreleadingwhitespace", "ignoretrailingwhitespace", "mergeschema",
                 "multiline", "enforceschema" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Option '" + key + "' must be true or false, got '" + value + "'");
                }
            }
            case "mode" -> mode(value);
            case "sep", "delimiter" -> oneChar(key, value.equals("\\t") ? "\t" : value);
            case "quote", "escape" -> oneChar(key, value);
            case "dateformat", "timestampformat" -> {
                try {
                    java.time.format.DateTimeFormatter.ofPattern(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Option '" + key + "' is not a valid datetime pattern: " + value
                            + " (" + e.getMessage() + ")");
                }
            }
            default -> {
            }
        }
    }

    private static boolean bool(Map<String, String> o, String k) {
        return Boolean.parseBoolean(o.getOrDefault(k, "false"));
    }

    private static char oneChar(String name, String v) {
        if (v.length() != 1) {
            throw new IllegalArgumentException("Option '" + name + "' must be a single character, got '" + v + "'");
        }
        return v.charAt(0);
    }

    private static Mode mode(String v) {
        try {
            return Mode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'mode' must be PERMISSIVE, DROPMALFORMED or FAILFAST, got '" + v + "'");
        }
    }

    private static String compression(String v) {
        String c = v.toLowerCase(Locale.ROOT);
        if (!c.equals("none") && !c.equals("uncompressed") && !c.equals("gzip")) {
            throw new IllegalArgumentException("CSV option 'compression' must be none or gzip, got '" + v + "'");
        }
        return c.equals("uncompressed") ? "none" : c;
    }
}
