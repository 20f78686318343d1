package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.JobData;
import io.ember.rdd.internal.ui.status.StageData;
import java.util.ArrayList;
import java.util.List;

/** One job: its status, timing, error if it failed, and its stages (skipped ones included). */
final class JobPage {
    private JobPage() {
    }

    static Rendered render(UiContext ctx) {
        int jobId = ctx.intParam("id");
        JobData job = ctx.store().job(jobId).getOrElseThrow(() -> new NotFoundException("No job " + jobId));
        StringBuilder body = new StringBuilder("<ul class=\"summary\">")
                .append("<li><strong>Status:</strong> <span id=\"job-status\">").append(Html.status(job.status()))
                .append("</span></li><li><strong>Action:</strong> ").append(Html.escape(job.name()))
                .append("</li><li><strong>Submitted:</strong> ").append(Format.time(job.submissionTime()))
                .append("</li><li><strong>Duration:</strong> ").append(Format.duration(job.duration(ctx.now())))
                .append("</li><li><strong>Tasks:</strong> ").append(Html.progress(job.numCompletedTasks(),
                        job.numActiveTasks(), job.numFailedTasks(), job.numTasks() - job.numSkippedTasks()))
                .append("</li></ul>");
        if (job.error() != null) {
            body.append("<h2>Error</h2><pre class=\"error\" id=\"job-error\">").append(Html.escape(job.error()))
                    .append("</pre>");
        }
        List<StageData> stages = new ArrayList<>();
        for (int stageId : job.stageIds()) {
            List<StageData> attempts = ctx.store().stageAttempts(stageId);
            stages.addAll(attempts);
        }
        stages.sort((a, b) -> a.stageId() != b.stageId() ? Integer.compare(b.stageId(), a.stageId())
                : Integer.compare(b.attemptId(), a.attemptId()));
        body.append("<h2>Stages (").append(stages.size()).append(")</h2>")
                .append(StagesPage.table(ctx, "job-stages", stages));
        return new Rendered("jobs", "Details for Job " + jobId, body.toString());
    }
}
