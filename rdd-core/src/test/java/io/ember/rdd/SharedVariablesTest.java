package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broadcast variables reach each executor once; accumulators count each partition once, even under retries. */
@Timeout(60)
class SharedVariablesTest {
    static EmberContext sc;

    /** A broadcast value that counts how often it is built; Kryo builds executor copies with this constructor. */
    static final class Lookup {
        static final AtomicInteger BUILT = new AtomicInteger();
        HashMap<Integer, String> names = HashMap.empty();

        Lookup() {
            BUILT.incrementAndGet();
        }
    }

    /** Keeps the largest value added. */
    static final class MaxAccumulator extends AccumulatorV2<Integer, Integer> {
        private int max = Integer.MIN_VALUE;

        @Override
        public boolean isZero() {
            return max == Integer.MIN_VALUE;
        }

        @Override
        public MaxAccumulator copy() {
            MaxAccumulator copy = new MaxAccumulator();
            copy.max = max;
            return copy;
        }

        @Override
        public void reset() {
            max = Integer.MIN_VALUE;
        }

        @Override
        public void add(Integer v) {
            max = Math.max(max, v);
        }

        @Override
        public void merge(AccumulatorV2<Integer, Integer> other) {
            max = Math.max(max, other.value());
        }

        @Override
        public Integer value() {
            return max;
        }
    }

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("shared").config("ember.task.maxFailures", 4).getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    @BeforeEach
    void reset() {
        Lookup.BUILT.set(0);
    }

    @Test
    void broadcast_isShippedAndDeserializedOncePerExecutorNotPerTask() {
        Lookup lookup = new Lookup();
        lookup.names = HashMap.of(1, "one", 2, "two", 3, "three");
        Broadcast<Lookup> names = sc.broadcast(lookup);
        Lookup.BUILT.set(0);

        List<String> out = sc.parallelize(List.range(0, 200), 20).map(x -> names.value().names.get(x % 4).getOrElse("?")).collect();
        List<String> again = sc.parallelize(List.range(0, 40), 10).map(x -> names.value().names.get(1).get()).collect();

        assertEquals(List.range(0, 200).map(x -> HashMap.of(1, "one", 2, "two", 3, "three").get(x % 4).getOrElse("?")), out);
        assertEquals(40, again.count("one"::equals));
        assertEquals(2, Lookup.BUILT.get(), "30 tasks on 2 executors: one copy per executor");
        assertEquals(lookup, names.value(), "the driver keeps its own object");
    }

    @Test
    void broadcast_unpersistShipsAgain_destroyEndsIt() {
        Broadcast<List<Integer>> numbers = sc.broadcast(List.range(0, 10));
        assertEquals(45, sc.parallelize(List.of(1, 2), 2).map(x -> numbers.value().sum().intValue()).first());
        numbers.unpersist(true);
        assertEquals(List.of(45, 45), sc.parallelize(List.of(1, 2), 2).map(x -> numbers.value().sum().intValue()).collect());
        numbers.destroy();
        assertThrows(IllegalStateException.class, numbers::value);
        JobFailedException e = assertThrows(JobFailedException.class, () ->
                sc.parallelize(List.of(1), 1).map(x -> numbers.value().size()).collect());
        assertTrue(e.getCause().getMessage().contains("destroyed"), e.getCause().getMessage());
    }

    @Test
    void accumulators_countEachPartitionOnce_whenResultTasksAreRetried() {
        LongAccumulator seen = sc.longAccumulator("seen");
        DoubleAccumulator total = sc.doubleAccumulator("total");
        long count = sc.parallelize(List.range(0, 1000), 10).map(x -> {
            seen.add(1);
            total.add(x * 0.5);
            TaskContext task = TaskContext.get();
            if (task.partitionId() % 3 == 1 && task.attemptNumber() < 2 && x % 100 == 99) {
                throw new IllegalStateException("fails after adding, attempt " + task.attemptNumber());
            }
            return x;
        }).count();
        assertEquals(1000, count);
        assertEquals(1000, seen.sum(), "the updates of failed attempts are dropped");
        assertEquals(1000, seen.count());
        assertEquals(List.range(0, 1000).map(x -> x * 0.5).sum().doubleValue(), total.sum(), 1e-9);
    }

    @Test
    void accumulators_countEachMapTaskOnce_whenShuffleMapTasksAreRetried() {
        LongAccumulator mapped = sc.longAccumulator("mapped");
        HashMap<Integer, Long> sums = HashMap.ofEntries(sc.parallelize(List.range(0, 600), 6).map(x -> {
            mapped.add(1);
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 2 && task.attemptNumber() == 0 && x % 100 == 50) {
                throw new IllegalStateException("map task fails halfway");
            }
            return x;
        }).mapToPair(x -> Tuple.of(x % 3, (long) x)).reduceByKey(Long::sum).collect());
        assertEquals(600, mapped.sum());
        assertEquals(List.range(0, 600).filter(x -> x % 3 == 0).map(Integer::longValue).sum().longValue(), sums.get(0).get());
    }

    @Test
    void customAndCollectionAccumulators_mergeOnTheDriver() {
        MaxAccumulator max = sc.register(new MaxAccumulator(), "max");
        CollectionAccumulator<Integer> odd = sc.collectionAccumulator("odd");
        sc.parallelize(List.range(0, 100), 7).foreach(x -> {
            max.add(x);
            if (x % 2 == 1 && x < 20) {
                odd.add(x);
            }
        });
        assertEquals(99, max.value());
        assertEquals(List.rangeBy(1, 20, 2), odd.value().sorted());
        assertTrue(max.isRegistered());
        assertEquals("max", max.name().get());
        assertThrows(IllegalStateException.class, () -> sc.register(max, "again"));
    }

    @Test
    void accumulatorWithoutNoArgConstructor_isRejectedAtRegistration() {
        final class Bad extends AccumulatorV2<Long, Long> {
            private final long start;

            Bad(long start) {
                this.start = start;
            }

            @Override
            public boolean isZero() {
                return true;
            }

            @Override
            public Bad copy() {
                return new Bad(start);
            }

            @Override
            public void reset() {
            }

            @Override
            public void add(Long v) {
            }

            @Override
            public void merge(AccumulatorV2<Long, Long> other) {
            }

            @Override
            public Long value() {
                return start;
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sc.register(new Bad(1), "bad"));
        assertTrue(e.getMessage().contains("no-argument constructor"), e.getMessage());
    }
}
