package io.ember.dataframe.internal.io;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of single values, for {@code to_json} and {@code from_json}: the same writing
 * as {@code write().json(...)} and the same parsing and typing as {@code read().json(...)}.
 */
public final class JsonFunctions {
    private static final JsonOptions DEFAULTS = JsonOptions.from(new DataSourceOptions(Map.of()));

    private JsonFunctions() {
    }

    /** The JSON text of internal value {@code v} (not null) of {@code type}. */
    public static String toJson(Object v, DataType type, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        JsonOutput.value(v, type, zone, sb);
        return sb.toString();
    }

    /**
     * The internal value of JSON text {@code json} as {@code type}, as Spark's {@code from_json}
     * in its default PERMISSIVE mode gives it: for a struct, text that is not a JSON object is a
     * struct of nulls and a field whose value does not fit its type is null; for other types,
     * text that does not parse or fit is null.
     */
    public static Object fromJson(String json, DataType type, ZoneId zone) {
        Object parsed;
        try {
            parsed = new JsonRecordParser(DEFAULTS).parseValue(json);
        } catch (IllegalArgumentException malformed) {
            parsed = null;
        }
        if (type instanceof StructType s) {
            Map<?, ?> object = parsed instanceof JsonRecordParser.Nested n && n.value() instanceof Map<?, ?> m ? m
                    : Map.of();
            List<Object> fields = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                fields.add(fieldOrNull(object.get(s.apply(i).name()), s.apply(i).dataType(), zone));
            }
            return Collections.unmodifiableList(fields);
        }
        return fieldOrNull(parsed, type, zone);
    }

    /** A value that does not fit its type reads as null (PERMISSIVE), as in Spark. */
    private static Object fieldOrNull(Object parsed, DataType type, ZoneId zone) {
        try {
            return JsonTypes.convert(parsed, type, DEFAULTS, zone);
        } catch (IllegalArgumentException | ArithmeticException notFitting) {
            return null;
        }
    }
}
