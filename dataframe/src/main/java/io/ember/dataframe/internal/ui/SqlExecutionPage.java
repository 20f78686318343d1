package io.ember.dataframe.internal.ui;

import io.ember.rdd.internal.ui.web.Format;
import io.ember.rdd.internal.ui.web.Html;
import io.ember.rdd.internal.ui.web.NotFoundException;
import io.ember.rdd.internal.ui.web.Rendered;
import io.ember.rdd.internal.ui.web.UiContext;
import java.util.Map;

/**
 * One SQL execution: its description, timing and jobs, then its physical plan as an indented
 * tree of nested lists, each operator with the rows it produced.
 */
final class SqlExecutionPage {
    private SqlExecutionPage() {
    }

    static Rendered render(UiContext ctx) {
        int id = ctx.intParam("id");
        SqlExecutionData execution = SqlStatus.of(ctx.store()).execution(id)
                .getOrElseThrow(() -> new NotFoundException("No SQL execution " + id));
        StringBuilder body = new StringBuilder("<ul class=\"summary\">")
                .append("<li><strong>Status:</strong> <span id=\"sql-status\">").append(Html.status(execution.status()))
                .append("</span></li><li><strong>Description:</strong> <span id=\"sql-description\">")
                .append(Html.escape(execution.description()))
                .append("</span></li><li><strong>Call site:</strong> ").append(Html.escape(execution.callSite()))
                .append("</li><li><strong>Submitted:</strong> ").append(Format.time(execution.submissionTime()))
                .append("</li><li><strong>Duration:</strong> ").append(Format.duration(execution.duration(ctx.now())))
                .append("</li><li><strong>Jobs:</strong> ").append(SqlPage.jobLinks(ctx, execution.jobIds()))
                .append("</li></ul>");
        if (execution.error() != null) {
            body.append("<h2>Error</h2><pre class=\"error\" id=\"sql-error\">").append(Html.escape(execution.error()))
                    .append("</pre>");
        }
        body.append("<h2>Physical Plan</h2><ul class=\"plan-tree\" id=\"sql-plan\">");
        node(body, execution.plan(), execution.rowsByNode());
        body.append("</ul>");
        return new Rendered(SqlTab.ID, "Details for Query " + id, body.toString());
    }

    private static void node(StringBuilder out, SqlPlanNode node, Map<Integer, Long> rows) {
        Long count = rows.get(node.id());
        out.append("<li><div class=\"plan-node\" id=\"plan-node-").append(node.id()).append("\" data-rows=\"")
                .append(count == null ? "" : count).append("\"><span class=\"node-name\">")
                .append(Html.escape(node.name())).append("</span>")
                .append(count == null ? "" : " <span class=\"node-rows\">number of output rows: " + count + "</span>")
                .append("<div class=\"node-detail\">").append(Html.escape(node.detail())).append("</div></div>");
        if (!node.children().isEmpty()) {
            out.append("<ul>");
            node.children().forEach(child -> node(out, child, rows));
            out.append("</ul>");
        }
        out.append("</li>");
    }
}
