package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Master URLs: local ones start executors here, {@code ember://} ones name a cluster's seed nodes. */
class MasterUrlTest {

    @Test
    void local_isNotACluster() {
        assertFalse(Master.parse("local[3]").isCluster());
        assertEquals(3, Master.parse("local[3]").executors());
    }

    @Test
    void ember_namesTheSeedNodes() {
        Master master = Master.parse("ember://127.0.0.1:25520, 10.0.0.2:25521");
        assertTrue(master.isCluster());
        assertEquals(List.of("127.0.0.1:25520", "10.0.0.2:25521"), master.seeds());
    }

    @Test
    void badClusterUrls_areRejectedNamingThePart() {
        for (String url : List.of("ember://", "ember://host", "ember://host:99999", "ember://host:port")) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Master.parse(url));
            assertTrue(failure.getMessage().contains("ember://host:port"), failure.getMessage());
        }
        IllegalArgumentException yarn = assertThrows(IllegalArgumentException.class, () -> Master.parse("yarn"));
        assertTrue(yarn.getMessage().contains("'yarn'"), yarn.getMessage());
    }
}
