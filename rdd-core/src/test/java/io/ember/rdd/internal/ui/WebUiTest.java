package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.JobFailedException;
import io.vavr.Tuple;
import io.vavr.collection.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The web UI's pages and JSON API over a live application with a shuffle job and a failed job. */
@Timeout(60)
class WebUiTest {
    private static EmberContext sc;
    private static String url;
    private static String api;
    private static io.ember.rdd.RDD<Long> cached;

    @BeforeAll
    static void runJobs() {
        sc = EmberContext.builder().master("local[2]").appName("web-ui-test").config(UiConf.UI_PORT, "0")
                .config("ember.task.maxFailures", "2").getOrCreate();
        url = sc.uiWebUrl().get();
        api = url + "/api/v1/applications/" + sc.applicationId();
        sc.parallelize(List.range(0, 100), 4).mapToPair(x -> Tuple.of(x % 3, 1)).reduceByKey(Integer::sum, 2).collect();
        cached = sc.parallelize(List.range(0, 1000), 4).map(x -> (long) x * x).setName("squares").cache();
        cached.count();
        assertThrows(JobFailedException.class, () -> sc.parallelize(List.of(1, 2, 3), 3).map(x -> {
            if (x == 2) {
                throw new IllegalStateException("boom on " + x);
            }
            return x;
        }).collect());
        Http.await("both jobs to end", () -> {
            String jobs = Http.body(api + "/jobs");
            return jobs.contains("SUCCEEDED") && jobs.contains("FAILED") && !jobs.contains("RUNNING");
        });
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    @Test
    void ui_servesOn127001() {
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        assertEquals(302, Http.get(url + "/").statusCode());
    }

    @Test
    void applications_listTheRunningApplication() {
        java.util.List<?> apps = (java.util.List<?>) Http.json(url + "/api/v1/applications");
        Map<?, ?> app = (Map<?, ?>) apps.get(0);
        assertEquals(sc.applicationId(), app.get("id"));
        assertEquals("web-ui-test", app.get("name"));
        assertEquals("local[2]", app.get("master"));
    }

    @Test
    void jobs_haveStatusStagesAndTheError() {
        java.util.List<?> jobs = (java.util.List<?>) Http.json(api + "/jobs");
        assertEquals(3, jobs.size());
        Map<?, ?> failed = (Map<?, ?>) jobs.get(0);
        Map<?, ?> succeeded = (Map<?, ?>) jobs.get(2);
        assertEquals("FAILED", failed.get("status"));
        assertTrue(failed.get("error").toString().contains("boom on 2"), failed.toString());
        assertEquals("SUCCEEDED", succeeded.get("status"));
        assertEquals(java.util.List.of(0L, 1L), succeeded.get("stageIds"));
        assertEquals(6L, succeeded.get("numCompletedTasks"));
        assertEquals(1, ((java.util.List<?>) Http.json(api + "/jobs?status=failed")).size());
        assertEquals("SUCCEEDED", ((Map<?, ?>) Http.json(api + "/jobs/0")).get("status"));
    }

    @Test
    void stages_carryTaskMetricsAndTasks() {
        Map<?, ?> map = (Map<?, ?>) Http.json(api + "/stages/0/0");
        assertEquals("COMPLETE", map.get("status"));
        assertEquals(100L, map.get("inputRecords"));
        assertTrue((Long) map.get("shuffleWriteRecords") > 0, map.toString());
        assertEquals(4, ((Map<?, ?>) map.get("tasks")).size());
        Map<?, ?> reduce = (Map<?, ?>) ((java.util.List<?>) Http.json(api + "/stages/1")).get(0);
        assertEquals(map.get("shuffleWriteRecords"), reduce.get("shuffleReadRecords"));
        java.util.List<?> failedStages = (java.util.List<?>) Http.json(api + "/stages?status=failed");
        assertEquals(1, failedStages.size());
        java.util.List<?> tasks = (java.util.List<?>) Http.json(api + "/stages/3/0/taskList");
        assertTrue(tasks.stream().anyMatch(t -> "FAILED".equals(((Map<?, ?>) t).get("status"))), tasks.toString());
    }

    @Test
    void executors_listEveryExecutorWithTaskCounts() {
        java.util.List<?> executors = (java.util.List<?>) Http.json(api + "/executors");
        assertEquals(sc.executors().size(), executors.size());
        long completed = 0;
        long failed = 0;
        for (Object e : executors) {
            Map<?, ?> executor = (Map<?, ?>) e;
            assertEquals(1L, executor.get("totalCores"));
            assertTrue(executor.get("hostPort").toString().contains("akka"), executor.toString());
            completed += (Long) executor.get("completedTasks");
            failed += (Long) executor.get("failedTasks");
        }
        assertTrue(completed >= 12, "6 + 4 tasks of the first jobs, at least 2 of the failed one: " + completed);
        assertEquals(2, failed, "the failing task, tried twice");
    }

    @Test
    void storage_showsTheCachedRddAndWhereItIs() {
        java.util.List<?> rdds = (java.util.List<?>) Http.json(api + "/storage/rdd");
        assertEquals(1, rdds.size(), rdds.toString());
        Map<?, ?> rdd = (Map<?, ?>) rdds.get(0);
        assertEquals((long) cached.id(), rdd.get("id"));
        assertEquals("squares", rdd.get("name"));
        assertEquals("Memory Deserialized 1x Replicated", rdd.get("storageLevel"));
        assertEquals(4L, rdd.get("numCachedPartitions"));
        assertTrue((Long) rdd.get("memoryUsed") > 0, rdd.toString());
        long onExecutors = 0;
        for (Object e : (java.util.List<?>) Http.json(api + "/executors")) {
            onExecutors += (Long) ((Map<?, ?>) e).get("memoryUsed");
        }
        assertEquals((Long) rdd.get("memoryUsed"), onExecutors, 4.0, "the executors hold the RDD's bytes");
        assertTrue(Http.body(url + "/storage/").contains("Memory Deserialized 1x Replicated"));
        assertTrue(Http.body(url + "/storage/rdd/?id=" + cached.id()).contains("id=\"rdd-executors\""));
    }

    @Test
    void environment_showsSettingsAndJvm() {
        Map<?, ?> env = (Map<?, ?>) Http.json(api + "/environment");
        assertEquals("web-ui-test", ((Map<?, ?>) env.get("emberProperties")).get("ember.app.name"));
        assertTrue(((Map<?, ?>) env.get("runtime")).get("Java Version").toString().startsWith("17"));
        assertTrue(((Map<?, ?>) env.get("systemProperties")).containsKey("java.home"));
    }

    @Test
    void pages_renderJobsStagesExecutorsStorageAndEnvironment() {
        String jobs = Http.body(url + "/jobs/");
        assertTrue(jobs.contains("id=\"succeeded-jobs\"") && jobs.contains("id=\"failed-jobs\""), jobs);
        assertTrue(jobs.contains("collect at WebUiTest.java"), jobs);
        assertTrue(Http.body(url + "/jobs/job/?id=2").contains("boom on 2"));
        String stage = Http.body(url + "/stages/stage/?id=0&attempt=0");
        assertTrue(stage.contains("id=\"timeline\"") && stage.contains("id=\"tasks\""), stage);
        assertTrue(Http.body(url + "/stages/").contains("id=\"complete-stages\""));
        assertTrue(Http.body(url + "/executors/").contains(sc.executors().get(0).id()));
        assertTrue(Http.body(url + "/storage/").contains("id=\"rdds\""));
        assertTrue(Http.body(url + "/environment/").contains("ember.app.name"));
        assertTrue(Http.body(url + "/static/ember.css").contains(".navbar"));
    }

    @Test
    void unknownThings_answer404() {
        assertEquals(404, Http.get(url + "/nope/").statusCode());
        assertEquals(404, Http.get(url + "/jobs/job/?id=99").statusCode());
        assertEquals(404, Http.get(api + "/jobs/99").statusCode());
        assertEquals(404, Http.get(url + "/api/v1/applications/other").statusCode());
        assertEquals(404, Http.get(url + "/static/../WebServer.class").statusCode());
    }
}
