package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.ui.progress.ConsoleProgressBar;
import io.ember.rdd.internal.ui.progress.StageProgress;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The progress bar's line at a given terminal width, its redraws and erasure, and its silence off a terminal. */
@Timeout(60)
class ConsoleProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(10_000);
    private final ConsoleProgressBar bar = new ConsoleProgressBar(out, () -> 50, clock::get);

    @Test
    void render_fillsTheWidthLikeSpark() {
        // 50 columns: 9 for "[Stage 3:", 14 for "(12 + 2) / 40]", 27 for the bar, 12/40 of it done.
        assertEquals("[Stage 3:" + "=".repeat(8) + ">" + " ".repeat(18) + "(12 + 2) / 40]",
                new StageProgress(3, 0, 40, 0, 12, 2).render(50));
    }

    @Test
    void render_doneAndNarrow() {
        assertEquals("[Stage 0:" + "=".repeat(18) + "(4 + 0) / 4]", new StageProgress(0, 0, 4, 0, 4, 0).render(39));
        assertEquals("[Stage 7:(1 + 1) / 9]", new StageProgress(7, 0, 9, 0, 1, 1).render(10));
    }

    @Test
    void stage_appearsAfterHalfASecond_redrawsInPlace_andIsErasedAtTheEnd() {
        ListenerEvent.StageInfo stage = new ListenerEvent.StageInfo(3, 0, "map at X.java:1", 4, List.empty(), 1, "");
        bar.onEvent(new ListenerEvent.StageSubmitted(stage, clock.get()));
        bar.onEvent(new ListenerEvent.TaskStart(task(1, 0)));
        bar.refresh();
        assertEquals("", printed(), "nothing before half a second");

        clock.addAndGet(600);
        bar.refresh();
        String first = printed();
        assertEquals("\r[Stage 3:>" + " ".repeat(28) + "(0 + 1) / 4]\r", first);
        bar.refresh();
        assertEquals(first, printed(), "an unchanged line is not printed again");

        bar.onEvent(new ListenerEvent.TaskEnd(task(1, 0), clock.get(), "SUCCESS", null, TaskMetrics.EMPTY));
        bar.onEvent(new ListenerEvent.TaskStart(task(2, 1)));
        bar.refresh();
        assertTrue(printed().endsWith("\r[Stage 3:=======>" + " ".repeat(21) + "(1 + 1) / 4]\r"), printed());

        bar.onEvent(new ListenerEvent.StageCompleted(stage, clock.get(), null));
        assertTrue(printed().endsWith("\r" + " ".repeat(50) + "\r"), "erased: " + printed());
    }

    @Test
    void severalStages_shareTheLine() {
        for (int id = 0; id < 2; id++) {
            bar.onEvent(new ListenerEvent.StageSubmitted(
                    new ListenerEvent.StageInfo(id, 0, "s", 10, List.empty(), id, ""), clock.get()));
        }
        clock.addAndGet(501);
        bar.refresh();
        assertEquals("\r[Stage 0:>  (0 + 0) / 10][Stage 1:>  (0 + 0) / 10]\r", printed());
    }

    @Test
    void notATerminal_printsNothing() {
        assertNull(System.console(), "tests run without a console");
        assertFalse(ConsoleProgressBar.isTerminal());
        assertTrue(ConsoleProgressBar.forConsole(true).isEmpty());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (EmberContext sc = EmberContext.builder().master("local[2]").config(UiConf.UI_ENABLED, "false")
                .getOrCreate()) {
            sc.parallelize(List.range(0, 4), 2).map(x -> {
                java.util.concurrent.locks.LockSupport.parkNanos(400_000_000L);
                return x;
            }).collect();
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("[Stage") || text.contains("\r"), text);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ListenerEvent.TaskInfo task(long id, int partition) {
        return new ListenerEvent.TaskInfo(id, 3, 0, partition, 0, "exec-0", 0);
    }
}
