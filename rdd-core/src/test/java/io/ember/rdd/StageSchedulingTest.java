package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stages run parents first, and stages that do not depend on each other run at the same time. */
@Timeout(30)
class StageSchedulingTest {

    private static int slow(int x) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return x;
    }

    @Test
    void independentMapStages_runConcurrently_andBeforeTheirChild() throws Exception {
        CopyOnWriteArrayList<ListenerEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (EmberContext sc = EmberContext.builder().master("local[4]").appName("stages").getOrCreate()) {
            sc.addListener(e -> {
                events.add(e);
                if (e instanceof ListenerEvent.JobEnd) {
                    done.countDown();
                }
            });
            PairRDD<Integer, Integer> left = sc.parallelize(List.of(1, 2), 2).map(StageSchedulingTest::slow)
                    .mapToPair(x -> Tuple.of(x, x)).reduceByKey(Integer::sum);
            PairRDD<Integer, Integer> right = sc.parallelize(List.of(1, 2), 2).map(StageSchedulingTest::slow)
                    .mapToPair(x -> Tuple.of(x, -x)).reduceByKey(Integer::sum);
            List<Tuple2<Integer, Tuple2<Integer, Integer>>> joined = left.join(right).collect().sortBy(Tuple2::_1);
            assertEquals(List.of(Tuple.of(1, Tuple.of(1, -1)), Tuple.of(2, Tuple.of(2, -2))), joined);
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        List<ListenerEvent> stageEvents = List.ofAll(events)
                .filter(e -> e instanceof ListenerEvent.StageSubmitted || e instanceof ListenerEvent.StageCompleted);
        assertEquals(6, stageEvents.size(), stageEvents.toString());
        assertTrue(stageEvents.get(0) instanceof ListenerEvent.StageSubmitted, stageEvents.toString());
        assertTrue(stageEvents.get(1) instanceof ListenerEvent.StageSubmitted,
                "the second map stage must start before the first ends: " + stageEvents);
        ListenerEvent.StageSubmitted result = (ListenerEvent.StageSubmitted) stageEvents.get(4);
        assertEquals(2, result.stage().parentIds().size(), "the result stage runs last, after both parents");
    }
}
