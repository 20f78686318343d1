package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.rdd.ListenerEvent;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.ui.json.Json;
import io.ember.rdd.internal.ui.json.JsonParser;
import io.ember.rdd.internal.ui.json.RecordReader;
import io.vavr.collection.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UI's JSON writer and reader round-trip values and records. */
class JsonTest {

    @Test
    void values_roundTrip() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t unicode \u00e9 \u0001");
        value.put("long", 12345678901L);
        value.put("double", 1.5);
        value.put("list", java.util.List.of(true, false));
        value.put("null", null);
        assertEquals(value, JsonParser.parse(Json.write(value)));
        assertEquals(value, JsonParser.parse(Json.pretty(value)));
    }

    @Test
    void records_roundTripThroughTheirComponents() {
        ListenerEvent.JobStart start = new ListenerEvent.JobStart(3, "count at X.java:9", 42L,
                List.of(new ListenerEvent.StageInfo(1, 0, "map at X.java:8", 4, List.of(0), 7, "(4) RDD[7]")));
        assertEquals(start, RecordReader.read(ListenerEvent.JobStart.class, JsonParser.parseObject(Json.write(start))));
        ListenerEvent.TaskEnd end = new ListenerEvent.TaskEnd(new ListenerEvent.TaskInfo(9, 1, 0, 2, 1, "exec-1", 5),
                8, "FAILED", "boom", new TaskMetrics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals(end, RecordReader.read(ListenerEvent.TaskEnd.class, JsonParser.parseObject(Json.write(end))));
    }

    @Test
    void badJson_isRejectedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\": tru}"));
        assertEquals(true, e.getMessage().contains("offset 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("1 2"));
    }
}
