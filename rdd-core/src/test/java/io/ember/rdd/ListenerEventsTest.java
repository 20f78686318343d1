package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Listeners see jobs, stages and tasks in order, with the metrics of each task. */
@Timeout(30)
class ListenerEventsTest {

    @Test
    void aShuffleJob_reportsTwoStagesAndEveryTask() throws Exception {
        CopyOnWriteArrayList<ListenerEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch jobEnded = new CountDownLatch(1);
        try (EmberContext sc = EmberContext.builder().master("local[2]").appName("events").getOrCreate()) {
            sc.addListener(event -> {
                events.add(event);
                if (event instanceof ListenerEvent.JobEnd) {
                    jobEnded.countDown();
                }
            });
            sc.parallelize(List.range(0, 100), 4).mapToPair(x -> Tuple.of(x % 3, 1)).reduceByKey(Integer::sum, 2).collect();
            assertTrue(jobEnded.await(10, TimeUnit.SECONDS));
        }
        ListenerEvent.JobStart start = (ListenerEvent.JobStart) events.get(0);
        assertEquals(2, start.stages().size());
        assertTrue(start.callSite().contains("ListenerEventsTest.java"), start.callSite());
        List<ListenerEvent.TaskEnd> ends = List.ofAll(events).filter(e -> e instanceof ListenerEvent.TaskEnd)
                .map(e -> (ListenerEvent.TaskEnd) e);
        assertEquals(6, ends.size());
        assertTrue(ends.forAll(e -> e.status().equals("SUCCESS")));
        assertEquals(100, ends.map(e -> e.metrics().recordsRead()).sum().longValue());
        long written = ends.map(e -> e.metrics().shuffleWriteRecords()).sum().longValue();
        long read = ends.map(e -> e.metrics().shuffleReadRecords()).sum().longValue();
        assertTrue(written > 0 && written <= 12, "map-side combine writes at most 3 keys per map task: " + written);
        assertEquals(written, read);
        assertEquals(2, List.ofAll(events).count(e -> e instanceof ListenerEvent.StageCompleted c && c.failureReason() == null));
        ListenerEvent.JobEnd end = (ListenerEvent.JobEnd) List.ofAll(events).find(e -> e instanceof ListenerEvent.JobEnd).get();
        assertTrue(end.succeeded());
        assertFalse(List.ofAll(events).exists(e -> e instanceof ListenerEvent.TaskEnd t && t.metrics().runTimeNanos() <= 0));
    }
}
