package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.TaskOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pending-task table both driver actors share, without actors. */
class PendingTasksTest {
    private final List<Long> settled = new ArrayList<>();
    private final PendingTasks<TaskOutcome> pending = PendingTasks.forTasks(settled::add);
    private final Map<String, ExecutorInfo> states = new LinkedHashMap<>(Map.of(
            "exec-0", new ExecutorInfo("exec-0", "local", 1, ExecutorInfo.State.ALIVE)));

    @Test
    void admit_settlesAtOnce_aLaunchOnAnUnknownOrLostExecutor_orUnderAPendingId() {
        CompletableFuture<TaskOutcome> unknown = new CompletableFuture<>();
        assertFalse(pending.admit(1, "exec-9", states, false, unknown));
        assertEquals(new TaskOutcome.ExecutorLost("exec-9", "unknown executor exec-9 (known: [exec-0])"), unknown.join());

        CompletableFuture<TaskOutcome> lost = new CompletableFuture<>();
        assertFalse(pending.admit(2, "exec-0", states, false, lost));
        assertEquals(new TaskOutcome.ExecutorLost("exec-0", "executor exec-0 was lost"), lost.join());

        assertTrue(pending.admit(3, "exec-0", states, true, new CompletableFuture<>()));
        CompletableFuture<TaskOutcome> duplicate = new CompletableFuture<>();
        assertFalse(pending.admit(3, "exec-0", states, true, duplicate));
        assertEquals(new TaskOutcome.Crashed("exec-0", "task 3 is already running on executor exec-0"), duplicate.join());
        assertEquals(List.of(), settled, "nothing left the table");
    }

    @Test
    void settle_acceptsAnOutcomeOnlyFromTheTasksExecutor_andOnlyOnce() {
        CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
        pending.admit(7, "exec-0", states, true, outcome);
        pending.settle(7, "exec-1", new TaskOutcome.Crashed("exec-1", "not its task"));
        assertFalse(outcome.isDone());
        TaskOutcome finished = new TaskOutcome.Finished("exec-0", new byte[] {1});
        pending.settle(7, "exec-0", finished);
        pending.settle(7, "exec-0", new TaskOutcome.Crashed("exec-0", "late"));
        assertEquals(finished, outcome.join());
        assertEquals(List.of(7L), settled);
        assertFalse(pending.isPendingOn(7, "exec-0"));
    }

    @Test
    void loseWhere_settlesTheLostExecutorsTasksAsLost_andKeepsTheOthers() {
        states.put("exec-1", new ExecutorInfo("exec-1", "local", 1, ExecutorInfo.State.ALIVE));
        CompletableFuture<TaskOutcome> onLost = new CompletableFuture<>();
        CompletableFuture<TaskOutcome> onAlive = new CompletableFuture<>();
        pending.admit(1, "exec-0", states, true, onLost);
        pending.admit(2, "exec-1", states, true, onAlive);
        pending.loseWhere("exec-0"::equals, "executor exec-0 was lost");
        assertEquals(new TaskOutcome.ExecutorLost("exec-0", "executor exec-0 was lost"), onLost.join());
        assertFalse(onAlive.isDone());
        assertTrue(pending.isPendingOn(2, "exec-1"));
        assertEquals(List.of(1L), settled);
    }
}
