package io.ember.dataframe.internal.io;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The options of JSON reading, with Spark's names and defaults: {@code mode} (PERMISSIVE,
 * DROPMALFORMED, FAILFAST), {@code columnNameOfCorruptRecord} (_corrupt_record),
 * {@code primitivesAsString} (false), {@code allowComments} (false),
 * {@code allowUnquotedFieldNames} (false), {@code allowSingleQuotes} (true),
 * {@code allowNumericLeadingZeros} (false), {@code dateFormat}, {@code timestampFormat} and
 * {@code multiLine} (false: one record per line; true: each file is one JSON value, an object or
 * an array of objects).
 */
public record JsonOptions(CsvOptions.Mode mode, String corruptColumn, boolean primitivesAsString,
                          boolean allowComments, boolean allowUnquotedFieldNames, boolean allowSingleQuotes,
                          boolean allowNumericLeadingZeros, String dateFormat, String timestampFormat,
                          boolean multiLine) implements Serializable {

    /** The option names, in Spark's spelling. */
    public static final Set<String> NAMES = Set.of("mode", "columnNameOfCorruptRecord", "primitivesAsString",
            "allowComments", "allowUnquotedFieldNames", "allowSingleQuotes", "allowNumericLeadingZeros", "dateFormat",
            "timestampFormat", "multiLine");

    /**
     * The JSON options among {@code o}.
     *
     * @throws IllegalArgumentException naming an option whose value is bad
     */
    public static JsonOptions from(DataSourceOptions o) {
        String mode = o.get("mode", "PERMISSIVE");
        CsvOptions.Mode m;
        try {
            m = CsvOptions.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'mode' must be PERMISSIVE, DROPMALFORMED or FAILFAST, got '"
                    + mode + "'", e);
        }
        String dateFormat = o.get("dateFormat");
        String timestampFormat = o.get("timestampFormat");
        CsvOptions.check("dateFormat", dateFormat == null ? "yyyy-MM-dd" : dateFormat);
        CsvOptions.check("timestampFormat", timestampFormat == null ? "yyyy-MM-dd" : timestampFormat);
        return new JsonOptions(m, o.get("columnNameOfCorruptRecord", "_corrupt_record"),
                o.bool("primitivesAsString", false), o.bool("allowComments", false),
                o.bool("allowUnquotedFieldNames", false), o.bool("allowSingleQuotes", true),
                o.bool("allowNumericLeadingZeros", false), dateFormat, timestampFormat, o.bool("multiLine", false));
    }
}
