package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.StageData;
import java.util.ArrayList;
import java.util.List;

/**
 * The Stages page: every stage attempt with its task counts, input, output and shuffle sizes,
 * and the bytes its tasks spilled ("Spill (Memory)", "Spill (Disk)", as Spark's stage page names them).
 */
final class StagesPage {
    private static final List<String> HEADERS = List.of("Stage Id", "Description", "Submitted", "Duration",
            "Tasks: Succeeded/Total", "Input", "Output", "Shuffle Read", "Shuffle Write", "Spill (Memory)", "Spill (Disk)",
            "Status", "Failure Reason");

    private StagesPage() {
    }

    static Rendered render(UiContext ctx) {
        List<StageData> stages = ctx.store().stages();
        StringBuilder body = new StringBuilder();
        for (StageData.StageStatus status : new StageData.StageStatus[] {StageData.StageStatus.ACTIVE,
                StageData.StageStatus.PENDING, StageData.StageStatus.COMPLETE, StageData.StageStatus.SKIPPED,
                StageData.StageStatus.FAILED}) {
            List<StageData> matching = new ArrayList<>();
            stages.stream().filter(s -> s.status() == status).forEach(matching::add);
            String name = status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            body.append("<h2>").append(name).append(" Stages (").append(matching.size()).append(")</h2>")
                    .append(table(ctx, status.name().toLowerCase(java.util.Locale.ROOT) + "-stages", matching));
        }
        return new Rendered("stages", "Stages for All Jobs", body.toString());
    }

    /** A table of stage attempts, linking each to its page. */
    static String table(UiContext ctx, String id, List<StageData> stages) {
        List<List<String>> rows = new ArrayList<>();
        for (StageData s : stages) {
            String href = ctx.url("/stages/stage/?id=" + s.stageId() + "&attempt=" + s.attemptId());
            String label = s.stageId() + (s.attemptId() > 0 ? " (retry " + s.attemptId() + ")" : "");
            rows.add(List.of(Html.link(href, label), Html.link(href, s.name()), Format.time(s.submissionTime()),
                    s.submissionTime() < 0 ? "" : Format.duration(s.duration(ctx.now())),
                    Html.progress(s.numCompleteTasks(), s.numActiveTasks(), s.numFailedTasks(), s.numTasks()),
                    Format.bytesAndRecords(s.inputBytes(), s.inputRecords()),
                    Format.bytesAndRecords(s.outputBytes(), s.outputRecords()),
                    Format.bytesAndRecords(s.shuffleReadBytes(), s.shuffleReadRecords()),
                    Format.bytesAndRecords(s.shuffleWriteBytes(), s.shuffleWriteRecords()),
                    spill(s.memoryBytesSpilled()), spill(s.diskBytesSpilled()),
                    Html.status(s.status()),
                    s.failureReason() == null ? "" : "<span class=\"error\">"
                            + Html.escape(Format.firstLine(s.failureReason())) + "</span>"));
        }
        return Html.table(id, HEADERS, rows, "None.");
    }

    /** A spill size; empty when nothing spilled, as Spark leaves the cell. */
    static String spill(long bytes) {
        return bytes == 0 ? "" : Format.bytes(bytes);
    }
}
