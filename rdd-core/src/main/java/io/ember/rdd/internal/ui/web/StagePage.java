package io.ember.rdd.internal.ui.web;

import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.ui.status.StageData;
import io.ember.rdd.internal.ui.status.TaskData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One stage attempt: summary, lineage, a timeline of its tasks (plain HTML and CSS: one bar per
 * task, placed by launch and finish time) and the task table with every metric, spills and peak
 * execution memory included.
 */
final class StagePage {
    /** Tasks drawn in the timeline and listed in the table; the JSON API lists them all. */
    static final int MAX_TASKS_SHOWN = 1000;
    private static final List<String> TASK_HEADERS = List.of("Index", "Task Id", "Attempt", "Status", "Executor",
            "Launch Time", "Duration", "Input (bytes / records)", "Output (bytes / records)",
            "Shuffle Read (bytes / records)", "Shuffle Write (bytes / records)", "Peak Execution Memory",
            "Spill (Memory)", "Spill (Disk)", "Errors");

    private StagePage() {
    }

    static Rendered render(UiContext ctx) {
        int stageId = ctx.intParam("id");
        int attempt = ctx.intParam("attempt", 0);
        StageData stage = ctx.store().stage(stageId, attempt)
                .getOrElseThrow(() -> new NotFoundException("No attempt " + attempt + " of stage " + stageId));
        List<TaskData> tasks = ctx.store().tasks(stageId, attempt);
        StringBuilder body = new StringBuilder("<ul class=\"summary\">")
                .append("<li><strong>Status:</strong> ").append(Html.status(stage.status())).append("</li>")
                .append("<li><strong>Description:</strong> ").append(Html.escape(stage.name())).append("</li>")
                .append("<li><strong>Jobs:</strong> ");
        for (int jobId : stage.jobIds()) {
            body.append(Html.link(ctx.url("/jobs/job/?id=" + jobId), jobId)).append(' ');
        }
        body.append("</li><li><strong>Total task time:</strong> ").append(Format.duration(stage.executorRunTime()))
                .append("</li><li><strong>Peak Execution Memory:</strong> ")
                .append(Format.bytes(stage.peakExecutionMemory()))
                .append("</li><li><strong>Spill (Memory):</strong> ").append(Format.bytes(stage.memoryBytesSpilled()))
                .append("</li><li><strong>Spill (Disk):</strong> ").append(Format.bytes(stage.diskBytesSpilled()))
                .append("</li><li><strong>Tasks:</strong> ").append(Html.progress(stage.numCompleteTasks(),
                        stage.numActiveTasks(), stage.numFailedTasks(), stage.numTasks()))
                .append("</li></ul>");
        if (stage.failureReason() != null) {
            body.append("<h2>Failure reason</h2><pre class=\"error\" id=\"stage-failure\">")
                    .append(Html.escape(stage.failureReason())).append("</pre>");
        }
        body.append("<details><summary>Lineage</summary><pre id=\"lineage\">").append(Html.escape(stage.details()))
                .append("</pre></details>");
        List<TaskData> shown = tasks.size() <= MAX_TASKS_SHOWN ? tasks : tasks.subList(0, MAX_TASKS_SHOWN);
        String more = shown.size() == tasks.size() ? "" : "<p class=\"empty\">Showing the first " + shown.size()
                + " of " + tasks.size() + " tasks; " + Html.link("/api/v1/applications/" + ctx.store().appId()
                + "/stages/" + stageId + "/" + attempt + "/taskList", "all of them as JSON") + ".</p>";
        body.append("<h2>Event Timeline</h2>").append(timeline(shown, ctx.now())).append(more);
        body.append("<h2>Tasks (").append(tasks.size()).append(")</h2>").append(taskTable(shown, ctx.now()))
                .append(more);
        String title = "Details for Stage " + stageId + " (Attempt " + attempt + ")";
        return new Rendered("stages", title, body.toString());
    }

    private static String timeline(List<TaskData> tasks, long now) {
        if (tasks.isEmpty()) {
            return "<p class=\"empty\" id=\"timeline\">No tasks have started.</p>";
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (TaskData t : tasks) {
            start = Math.min(start, t.launchTime());
            end = Math.max(end, t.finishTime() >= 0 ? t.finishTime() : now);
        }
        double span = Math.max(1, end - start);
        StringBuilder out = new StringBuilder("<div class=\"timeline\" id=\"timeline\">")
                .append("<div class=\"axis\"><span>").append(Format.time(start)).append("</span><span>+")
                .append(Format.duration(end - start)).append("</span></div>");
        for (TaskData t : tasks) {
            double left = 100.0 * (t.launchTime() - start) / span;
            double width = Math.max(0.5, 100.0 * t.duration(now) / span);
            String tip = "Task " + t.taskId() + " (partition " + t.index() + ", attempt " + t.attempt() + ") on "
                    + t.executorId() + ": " + t.status() + ", " + Format.duration(t.duration(now));
            out.append(String.format(Locale.ROOT, "<div class=\"lane\"><span class=\"label\">%s / %d</span>"
                            + "<div class=\"track\"><div class=\"task status-%s\" style=\"left:%.2f%%;width:%.2f%%\" "
                            + "title=\"%s\"></div></div></div>", Html.escape(t.executorId()), t.index(),
                    Html.escape(t.status().toLowerCase(Locale.ROOT)), left, Math.min(width, 100.0 - left),
                    Html.escape(tip)));
        }
        return out.append("</div>").toString();
    }

    private static String taskTable(List<TaskData> tasks, long now) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskData t : tasks) {
            TaskMetrics m = t.metrics();
            rows.add(List.of(Integer.toString(t.index()), Long.toString(t.taskId()), Integer.toString(t.attempt()),
                    Html.status(t.status()), Html.escape(t.executorId()), Format.time(t.launchTime()),
                    Format.duration(t.duration(now)), Format.bytesAndRecords(m.bytesRead(), m.recordsRead()),
                    Format.bytesAndRecords(m.bytesWritten(), m.recordsWritten()),
                    Format.bytesAndRecords(m.shuffleReadBytes(), m.shuffleReadRecords()),
                    Format.bytesAndRecords(m.shuffleWriteBytes(), m.shuffleWriteRecords()),
                    Format.bytes(m.peakExecutionMemory()), StagesPage.spill(m.memoryBytesSpilled()),
                    StagesPage.spill(m.diskBytesSpilled()),
                    t.error() == null ? "" : "<pre class=\"error\">" + Html.escape(t.error()) + "</pre>"));
        }
        return Html.table("tasks", TASK_HEADERS, rows, "No tasks have started.");
    }
}
