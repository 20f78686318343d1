package io.ember.dataframe;

import static io.ember.dataframe.Functions.broadcast;
import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A broadcast side larger than ember.sql.maxBroadcastTableSize fails early, naming the setting. */
@Timeout(60)
class BroadcastLimitTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.maxBroadcastTableSize");
    }

    private long hintedJoinCount(int partitions) {
        DataFrame big = spark.range(0, 2000, 1, 1).select(col("id").as("k"));
        DataFrame small = spark.range(0, 2000, 1, partitions).select(col("id").as("k2"));
        return big.join(broadcast(small), col("k").equalTo(col("k2"))).count();
    }

    private static String messageChain(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c.getMessage()).append(" | ");
        }
        return s.toString();
    }

    @Test
    void onePartitionAloneOverTheLimitFailsItsTask() {
        spark.conf().set("ember.sql.maxBroadcastTableSize", "4k");
        String m = messageChain(assertThrows(RuntimeException.class, () -> hintedJoinCount(1)));
        assertTrue(m.contains("Cannot broadcast the table that is larger than") && m.contains("in partition 0 alone")
                && m.contains("ember.sql.maxBroadcastTableSize") && m.contains("ember.sql.autoBroadcastJoinThreshold"), m);
    }

    @Test
    void partitionsTogetherOverTheLimitFailOnTheDriver() {
        spark.conf().set("ember.sql.maxBroadcastTableSize", "10k");
        String m = messageChain(assertThrows(IllegalStateException.class, () -> hintedJoinCount(8)));
        assertTrue(m.contains("16000 bytes in 8 partitions") && m.contains("ember.sql.maxBroadcastTableSize"), m);
    }

    @Test
    void underTheLimitTheBroadcastJoinRuns() {
        spark.conf().set("ember.sql.maxBroadcastTableSize", "1m");
        assertEquals(2000, hintedJoinCount(8));
    }

    @Test
    void aBadLimitIsRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set("ember.sql.maxBroadcastTableSize", "lots"));
        assertTrue(e.getMessage().contains("ember.sql.maxBroadcastTableSize"), e.getMessage());
    }
}
