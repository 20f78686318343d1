package io.ember.dataframe.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.StructType;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nested internal values (lists for arrays and structs, MapData for maps) survive Kryo, as shuffles send them. */
class NestedValuesKryoTest {

    @Test
    void kryo_roundTripOfArrayMapAndStructVectors() {
        StructType schema = StructType.fromDDL("xs ARRAY<STRING>, m MAP<INT, ARRAY<INT>>, s STRUCT<a: DECIMAL(30,2), b: BINARY>");
        Map<Integer, List<Integer>> m = new LinkedHashMap<>();
        m.put(2, List.of(1));
        m.put(1, Arrays.asList(null, 3));
        Object[][] rows = {
            {Arrays.asList("a", null), m, Arrays.asList(new java.math.BigDecimal("1.25"), new byte[] {1, 2})},
            {null, Map.of(), null},
        };
        ColumnVector[] cols = new ColumnVector[3];
        for (int c = 0; c < 3; c++) {
            DataType t = schema.apply(c).dataType();
            cols[c] = ColumnVector.allocate(t, 2);
            for (Object[] r : rows) {
                cols[c].append(Values.toInternal(r[c], t, ZoneOffset.UTC));
            }
        }
        Codec codec = Codecs.kryo();
        ColumnBatch back = codec.deserialize(codec.serialize(new ColumnBatch(cols, 2)), getClass().getClassLoader());
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 2; r++) {
                assertTrue(Values.equal(cols[c].get(r), back.columns[c].get(r)), "column " + c + " row " + r);
            }
        }
        MapData map = (MapData) back.columns[1].get(0);
        assertEquals(List.of(2, 1), map.keys());
        assertEquals(Arrays.asList(null, 3), map.get(1));
        assertNull(map.get(5));
        assertNull(back.columns[2].get(1));
    }
}
