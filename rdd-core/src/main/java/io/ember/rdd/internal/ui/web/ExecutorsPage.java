package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.ExecutorData;
import java.util.ArrayList;
import java.util.List;

/** The Executors page: every executor with its address, cores, task counts, memory and state. */
final class ExecutorsPage {
    private static final List<String> HEADERS = List.of("Executor ID", "Address", "Status", "Cores",
            "Active Tasks", "Failed Tasks", "Complete Tasks", "Total Tasks", "Task Time", "Input", "Shuffle Read",
            "Shuffle Write", "Memory Used", "Disk Used");

    private ExecutorsPage() {
    }

    static Rendered render(UiContext ctx) {
        List<ExecutorData> executors = ctx.store().executors();
        List<List<String>> rows = new ArrayList<>();
        int cores = 0;
        int active = 0;
        for (ExecutorData e : executors) {
            if (e.isActive()) {
                cores += e.totalCores();
                active++;
            }
            String state = Html.status(e.state()) + (e.removeReason() == null ? ""
                    : " <span class=\"error\">" + Html.escape(e.removeReason()) + "</span>");
            rows.add(List.of(Html.escape(e.id()), Html.escape(e.hostPort()), state, Integer.toString(e.totalCores()),
                    Integer.toString(e.activeTasks()), Integer.toString(e.failedTasks()),
                    Integer.toString(e.completedTasks()), Integer.toString(e.totalTasks()),
                    Format.duration(e.totalDuration()), Format.bytes(e.totalInputBytes()),
                    Format.bytes(e.totalShuffleRead()), Format.bytes(e.totalShuffleWrite()),
                    Format.bytes(e.memoryUsed()), Format.bytes(e.diskUsed())));
        }
        String body = "<ul class=\"summary\"><li><strong>Active executors:</strong> " + active
                + "</li><li><strong>Active cores:</strong> " + cores + "</li></ul>"
                + Html.table("executors", HEADERS, rows, "No executors.");
        return new Rendered("executors", "Executors", body);
    }
}
