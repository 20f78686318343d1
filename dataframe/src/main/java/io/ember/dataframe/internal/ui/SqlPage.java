package io.ember.dataframe.internal.ui;

import io.ember.rdd.internal.ui.web.Format;
import io.ember.rdd.internal.ui.web.Html;
import io.ember.rdd.internal.ui.web.Rendered;
import io.ember.rdd.internal.ui.web.UiContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SQL page: the application's SQL executions (DataFrame actions), running, completed and failed. */
final class SqlPage {
    private static final List<String> HEADERS = List.of("ID", "Description", "Submitted", "Duration", "Job IDs");
    private static final int DESCRIPTION_CHARS = 120;

    private SqlPage() {
    }

    static Rendered render(UiContext ctx) {
        List<SqlExecutionData> executions = SqlStatus.of(ctx.store()).executions();
        StringBuilder body = new StringBuilder();
        for (SqlExecutionData.Status status : SqlExecutionData.Status.values()) {
            List<List<String>> rows = new ArrayList<>();
            for (SqlExecutionData execution : executions) {
                if (execution.status() == status) {
                    rows.add(row(ctx, execution));
                }
            }
            String name = switch (status) {
                case RUNNING -> "Running Queries";
                case COMPLETED -> "Completed Queries";
                case FAILED -> "Failed Queries";
            };
            body.append("<h2>").append(name).append(" (").append(rows.size()).append(")</h2>")
                    .append(Html.table(status.name().toLowerCase(Locale.ROOT) + "-queries", HEADERS, rows,
                            "No " + name.toLowerCase(Locale.ROOT) + "."));
        }
        return new Rendered(SqlTab.ID, "SQL", body.toString());
    }

    private static List<String> row(UiContext ctx, SqlExecutionData execution) {
        String href = executionUrl(ctx, execution.executionId());
        String description = Html.link(href, abbreviate(execution.description()));
        if (execution.error() != null) {
            description += "<div class=\"error\">" + Html.escape(Format.firstLine(execution.error())) + "</div>";
        }
        return List.of(Html.link(href, execution.executionId()), description,
                Format.time(execution.submissionTime()), Format.duration(execution.duration(ctx.now())),
                jobLinks(ctx, execution.jobIds()));
    }

    /** The address of one execution's page. */
    static String executionUrl(UiContext ctx, long executionId) {
        return ctx.url("/sql/execution/?id=" + executionId);
    }

    /** Links to the jobs with these ids, comma-separated. */
    static String jobLinks(UiContext ctx, List<Integer> jobIds) {
        List<String> links = new ArrayList<>();
        jobIds.forEach(id -> links.add(Html.link(ctx.url("/jobs/job/?id=" + id), id)));
        return String.join(", ", links);
    }

    private static String abbreviate(String text) {
        String line = Format.firstLine(text == null ? "" : text.strip());
        return line.length() <= DESCRIPTION_CHARS ? line : line.substring(0, DESCRIPTION_CHARS - 3) + "...";
    }
}
