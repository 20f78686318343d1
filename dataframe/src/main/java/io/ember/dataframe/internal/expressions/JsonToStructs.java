package io.ember.dataframe.internal.expressions;

import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.io.JsonFunctions;
import io.ember.dataframe.types.DataType;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code from_json(json, schema)}: JSON text parsed into a value of {@code schema} (a struct, an
 * array or a map), null for null text; see {@link JsonFunctions#fromJson} for malformed text.
 */
public record JsonToStructs(Expression child, DataType schema, String zone) implements TimeZoneAware {

    /** A call whose zone the analyzer fills in. */
    public JsonToStructs(Expression child, DataType schema) {
        this(child, schema, null);
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withNewChildren(List<Expression> c) {
        return new JsonToStructs(c.get(0), schema, zone);
    }

    @Override
    public Expression withZone(String zoneId) {
        return new JsonToStructs(child, schema, zoneId);
    }

    @Override
    public boolean needsZone() {
        return zone == null;
    }

    @Override
    public DataType dataType() {
        return schema;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch input) {
        ColumnVector texts = child.eval(input);
        ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        ColumnVector out = ColumnVector.allocate(schema, input.numRows);
        for (int i = 0; i < input.numRows; i++) {
            Object text = texts.get(i);
            out.append(text == null ? null : JsonFunctions.fromJson((String) text, schema, z));
        }
        return out;
    }

    @Override
    public String render(List<String> c) {
        return "from_json(" + c.get(0) + ")";
    }

    @Override
    public String toString() {
        return explain();
    }
}
