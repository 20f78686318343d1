package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.AppSummary;
import io.ember.rdd.internal.ui.status.JobData;
import java.util.ArrayList;
import java.util.List;

/** The Jobs page: the application's summary, then its running, succeeded and failed jobs. */
final class JobsPage {
    private static final List<String> HEADERS =
            List.of("Job Id", "Description", "Submitted", "Duration", "Stages: Succeeded/Total", "Tasks", "Status");

    private JobsPage() {
    }

    static Rendered render(UiContext ctx) {
        AppSummary app = ctx.store().app();
        List<JobData> jobs = ctx.store().jobs();
        StringBuilder body = new StringBuilder("<ul class=\"summary\">")
                .append("<li><strong>Application:</strong> ").append(Html.escape(app.name()))
                .append(" (<span id=\"app-id\">").append(Html.escape(app.id())).append("</span>)</li>")
                .append("<li><strong>Master:</strong> ").append(Html.escape(app.master())).append("</li>")
                .append("<li><strong>User:</strong> ").append(Html.escape(app.user())).append("</li>")
                .append("<li><strong>Started:</strong> ").append(Format.time(app.startTime())).append("</li>")
                .append("<li><strong>").append(app.completed() ? "Total uptime" : "Uptime").append(":</strong> ")
                .append(Format.duration(app.duration(ctx.now()))).append("</li></ul>");
        for (JobData.JobStatus status : JobData.JobStatus.values()) {
            List<List<String>> rows = new ArrayList<>();
            for (JobData job : jobs) {
                if (job.status() == status) {
                    rows.add(row(ctx, job));
                }
            }
            String name = switch (status) {
                case RUNNING -> "Active Jobs";
                case SUCCEEDED -> "Completed Jobs";
                case FAILED -> "Failed Jobs";
            };
            body.append("<h2>").append(name).append(" (").append(rows.size()).append(")</h2>")
                    .append(Html.table(status.name().toLowerCase(java.util.Locale.ROOT) + "-jobs", HEADERS, rows,
                            "No " + name.toLowerCase(java.util.Locale.ROOT) + "."));
        }
        return new Rendered("jobs", "Ember Jobs", body.toString());
    }

    static List<String> row(UiContext ctx, JobData job) {
        String description = Html.link(ctx.url("/jobs/job/?id=" + job.jobId()), job.name());
        if (job.error() != null) {
            description += "<div class=\"error\">" + Html.escape(Format.firstLine(job.error())) + "</div>";
        }
        int totalStages = job.stageIds().size();
        String stages = job.numCompletedStages() + "/" + (totalStages - job.numSkippedStages())
                + (job.numSkippedStages() > 0 ? " (" + job.numSkippedStages() + " skipped)" : "")
                + (job.numFailedStages() > 0 ? " (" + job.numFailedStages() + " failed)" : "");
        return List.of(Html.link(ctx.url("/jobs/job/?id=" + job.jobId()), job.jobId()), description,
                Format.time(job.submissionTime()), Format.duration(job.duration(ctx.now())), Html.escape(stages),
                Html.progress(job.numCompletedTasks(), job.numActiveTasks(), job.numFailedTasks(),
                        job.numTasks() - job.numSkippedTasks()),
                Html.status(job.status()));
    }
}
