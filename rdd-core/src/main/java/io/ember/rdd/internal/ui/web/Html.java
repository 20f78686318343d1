package io.ember.rdd.internal.ui.web;

import java.util.List;

/** Small builders for the pages' HTML (built-in and {@link UiExtension}s'): escaping, tables, links, badges. */
public final class Html {
    private Html() {
    }

    /** {@code text} with HTML's special characters escaped. */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link to {@code href} showing {@code text} (escaped). */
    public static String link(String href, Object text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /**
     * A table with an id (for tests and anchors), escaped headers, and rows of cells that are
     * already HTML; {@code empty} is shown instead when there are no rows.
     */
    public static String table(String id, List<String> headers, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return "<p class=\"empty\" id=\"" + id + "\">" + escape(empty) + "</p>";
        }
        StringBuilder out = new StringBuilder("<table class=\"table\" id=\"" + id + "\"><thead><tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** A two-column table of names and values, both escaped. */
    static String properties(String id, java.util.Map<String, String> values) {
        List<List<String>> rows = new java.util.ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(escape(k), escape(v))));
        return table(id, List.of("Name", "Value"), rows, "None.");
    }

    /** A status word in a colored badge, e.g. SUCCEEDED or FAILED. */
    public static String status(Object status) {
        String s = String.valueOf(status);
        return "<span class=\"status status-" + escape(s.toLowerCase(java.util.Locale.ROOT)) + "\">" + escape(s) + "</span>";
    }

    /** Spark's task progress bar: completed and running tasks out of the total. */
    static String progress(int completed, int running, int failed, int total) {
        double done = total <= 0 ? 0 : Math.min(100.0, 100.0 * completed / total);
        double active = total <= 0 ? 0 : Math.min(100.0 - done, 100.0 * running / total);
        String label = completed + "/" + total + (running > 0 ? " (" + running + " running)" : "")
                + (failed > 0 ? " (" + failed + " failed)" : "");
        return String.format(java.util.Locale.ROOT, "<div class=\"progress\"><div class=\"bar completed\" "
                + "style=\"width:%.1f%%\"></div><div class=\"bar running\" style=\"width:%.1f%%\"></div>"
                + "<span>%s</span></div>", done, active, escape(label));
    }
}
