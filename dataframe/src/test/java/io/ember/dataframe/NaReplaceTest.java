package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code df.na().replace}, against hand-computed rows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NaReplaceTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame df() {
        return spark.createDataFrame(List.of(RowFactory.create(1, 1.0, "a", true),
                RowFactory.create(2, null, "b", false), RowFactory.create(null, 2.0, null, true)),
                StructType.fromDDL("i INT, d DOUBLE, s STRING, b BOOLEAN"));
    }

    @Test
    void numbers_replaceInEveryNumericColumn() {
        DataFrame out = df().na().replace("*", Map.of(1, 10, 2.0, 20.5));
        assertEquals(List.of(Row.of(10, 10.0, "a", true), Row.of(20, null, "b", false), Row.of(null, 20.5, null, true)),
                out.collectAsList());
        assertArrayEquals(df().schema().fields(), out.schema().fields());
    }

    @Test
    void strings_onlyInTheNamedColumns_andToNull() {
        Map<String, String> m = new HashMap<>();
        m.put("a", "A");
        m.put("b", null);
        assertEquals(List.of(Row.of(1, 1.0, "A", true), Row.of(2, null, null, false), Row.of(null, 2.0, null, true)),
                df().na().replace(new String[] {"s"}, m).collectAsList());
        assertEquals(List.of(Row.of(1, 1.0, "a", false), Row.of(2, null, "b", false), Row.of(null, 2.0, null, false)),
                df().na().replace("b", Map.of(true, false)).collectAsList());
        assertEquals(df().collectAsList(), df().na().replace("i", Map.of("1", "x")).collectAsList());
    }

    @Test
    void badInput_isNamed() {
        Map<Object, Object> mixed = Map.of(1, "one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> df().na().replace("*", mixed));
        assertTrue(e.getMessage().contains("Mixed type"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> df().na().replace("*", Map.of(List.of(1), List.of(2))));
        assertThrows(AnalysisException.class, () -> df().na().replace("nope", Map.of(1, 2)));
    }
}
