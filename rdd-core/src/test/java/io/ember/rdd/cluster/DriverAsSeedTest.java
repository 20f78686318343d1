package io.ember.rdd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.rdd.EmberContext;
import io.vavr.Tuple;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other topology: the driver is the seed node (its {@code ember.cluster.port} is the master
 * URL's port) and the workers point at it. When that driver leaves, the workers rejoin the seed
 * address and serve the next driver that starts there.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DriverAsSeedTest {
    @TempDir
    static Path dir;
    static WorkerJvms jvms;

    @AfterAll
    static void stop() {
        if (jvms != null) {
            jvms.close();
        }
    }

    static EmberContext driverAt(int port, String name) {
        return EmberContext.builder().master("ember://127.0.0.1:" + port).appName(name)
                .config("ember.cluster.port", port)
                .config("ember.cluster.secret", WorkerJvms.SECRET)
                .config("ember.ui.enabled", "false")
                .getOrCreate();
    }

    @Test
    void workersOfASeedDriver_serveTheNextDriverAtTheSameAddress() throws Exception {
        jvms = new WorkerJvms(dir);
        int driverPort = WorkerJvms.freePort();
        java.util.List<WorkerJvms.Child> workers = java.util.List.of(
                jvms.startWorker(WorkerJvms.freePort(), java.util.List.of(driverPort), WorkerJvms.SECRET),
                jvms.startWorker(WorkerJvms.freePort(), java.util.List.of(driverPort), WorkerJvms.SECRET));
        try {
            for (String app : java.util.List.of("first-driver", "second-driver")) {
                try (EmberContext sc = driverAt(driverPort, app)) {
                    WorkerJvms.awaitExecutors(sc, 2);
                    assertEquals(List.range(0, 1000).groupBy(x -> x % 7).mapValues(List::size).toJavaMap(),
                            sc.parallelize(List.range(0, 1000), 8).mapToPair(x -> Tuple.of(x % 7, 1))
                                    .reduceByKey(Integer::sum).collectAsMap().toJavaMap());
                }
                WorkerJvms.awaitOutput(workers, "rejoining", 30);
            }
        } catch (Throwable t) {
            throw new AssertionError(t + "\n" + jvms.outputs(), t);
        }
    }
}
