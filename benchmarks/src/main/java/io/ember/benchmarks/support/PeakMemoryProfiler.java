package io.ember.benchmarks.support;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for the "peak memory" row of BENCHMARKS.md, per iteration (the largest over
 * all iterations is reported):
 * <ul>
 *   <li>{@code mem.heap.peak}: the most heap in use, read just before every GC and at the end
 *       of the iteration, in MB: live data plus the garbage the collector let pile up;</li>
 *   <li>{@code mem.rss.peak}: the process's peak resident set ({@code VmHWM}), in MB, the
 *       figure the Spark and DuckDB columns use; Linux only. The kernel's high-water mark is
 *       reset when each iteration starts, so warmup does not leak into it;</li>
 *   <li>{@code mem.child.rss.peak}: for benchmarks of whole processes ({@link ChildJvm}), the
 *       largest peak resident set a child JVM reported, in MB.</li>
 * </ul>
 * JMH's own {@code -prof gc} adds {@code gc.alloc.rate.norm}, the bytes allocated per operation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar W2 -prof gc -prof io.ember.benchmarks.support.PeakMemoryProfiler
 * </pre>
 */
public final class PeakMemoryProfiler implements InternalProfiler {
    private static final double MB = 1024.0 * 1024.0;

    private final Set<String> heapPools;
    private final AtomicLong peakHeap = new AtomicLong();

    /** Created by JMH in the benchmark's fork; listens to every collection from then on. */
    public PeakMemoryProfiler() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> onGc(notification), null, null);
            }
        }
    }

    @Override
    public String getDescription() {
        return "Peak heap in use (before each GC) and peak resident set size, per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        peakHeap.set(heapInUse());
        ProcessMemory.resetPeakRss();
        ChildJvm.resetPeakRss();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        List<Result> results = new ArrayList<>();
        long heap = peakHeap.accumulateAndGet(heapInUse(), Math::max);
        results.add(new ScalarResult("mem.heap.peak", heap / MB, "MB", AggregationPolicy.MAX));
        ProcessMemory.peakRssBytes().ifPresent(rss ->
                results.add(new ScalarResult("mem.rss.peak", rss / MB, "MB", AggregationPolicy.MAX)));
        ChildJvm.peakRssBytes().ifPresent(rss ->
                results.add(new ScalarResult("mem.child.rss.peak", rss / MB, "MB", AggregationPolicy.MAX)));
        return results;
    }

    private void onGc(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        peakHeap.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
