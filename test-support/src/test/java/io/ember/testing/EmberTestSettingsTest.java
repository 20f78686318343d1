package io.ember.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.rdd.EmberContext;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** A class asking for another master and settings gets a context built with them. */
@EmberTest(master = "local[3]", appName = "settings", settings = {"ember.default.parallelism = 5"})
class EmberTestSettingsTest {

    @Test
    void annotation_configuresTheContext(EmberContext sc) {
        assertEquals("local[3]", sc.master());
        assertEquals(3, sc.executors().size());
        assertEquals("settings", sc.appName());
        assertEquals(5, sc.defaultParallelism());
        assertEquals(5, sc.parallelize(List.range(0, 10)).getNumPartitions());
    }
}
