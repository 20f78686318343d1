package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.ExecutorInfo;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The context's builder, settings, executors and life cycle. */
@Timeout(30)
class EmberContextTest {

    @Test
    void builder_rejectsBadOptionsAtTheCallThatSetsThem() {
        IllegalArgumentException master = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().master("yarn"));
        assertTrue(master.getMessage().contains("'yarn'"), master.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config("executor.memory", "1g"));
        assertTrue(key.getMessage().contains("executor.memory"), key.getMessage());
        IllegalArgumentException failures = assertThrows(IllegalArgumentException.class,
                () -> EmberContext.builder().config(EmberConf.TASK_MAX_FAILURES, "zero"));
        assertTrue(failures.getMessage().contains(EmberConf.TASK_MAX_FAILURES), failures.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmberContext.builder().master("local[0]"));
    }

    @Test
    void localN_startsNExecutorsOfOneCore() {
        try (EmberContext sc = EmberContext.builder().master("local[3]").appName("three").getOrCreate()) {
            List<ExecutorInfo> executors = sc.executors();
            assertEquals(List.of("exec-0", "exec-1", "exec-2"), executors.map(ExecutorInfo::id));
            assertTrue(executors.forAll(e -> e.cores() == 1 && e.state() == ExecutorInfo.State.ALIVE));
            assertTrue(executors.forAll(e -> !e.address().isEmpty()));
            assertEquals(3, sc.defaultParallelism());
            assertEquals(3, sc.parallelize(List.range(0, 30)).getNumPartitions());
            assertEquals("local[3]", sc.master());
            assertEquals("three", sc.appName());
        }
    }

    @Test
    void getOrCreate_returnsTheActiveContext_andANewOneAfterClose() {
        EmberContext first = EmberContext.builder().master("local[1]").getOrCreate();
        try {
            assertSame(first, EmberContext.builder().master("local[2]").getOrCreate());
        } finally {
            first.stop();
        }
        assertTrue(first.isStopped());
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> first.parallelize(List.of(1)));
        assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
        try (EmberContext second = EmberContext.builder().master("local[1]").getOrCreate()) {
            assertTrue(second != first);
            assertEquals(1, second.parallelize(List.of(7)).count());
        }
    }

    @Test
    void defaultParallelism_followsTheSetting() {
        try (EmberContext sc = EmberContext.builder().master("local[2]").config(EmberConf.DEFAULT_PARALLELISM, 5).getOrCreate()) {
            assertEquals(5, sc.defaultParallelism());
            assertEquals(5, sc.parallelize(List.range(0, 10)).mapToPair(x -> io.vavr.Tuple.of(x, x))
                    .reduceByKey(Integer::sum).getNumPartitions());
        }
    }
}
