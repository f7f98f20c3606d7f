package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reports as one self-contained HTML page: inline CSS, the chart as inline SVG, no script, print-friendly. */
final class ReportHtml {
    private static final String STYLE = """
            body{font-family:sans-serif;font-size:13px;margin:24px;color:#222}
            h1{font-size:20px}h2{font-size:16px;border-bottom:1px solid #ccc;margin-top:24px}
            h3{font-size:13px;margin:12px 0 4px}table{border-collapse:collapse;margin:4px 0 8px}
            td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.k{font-weight:bold;background:#fafafa}
            .legend span{display:inline-block;margin-right:12px}
            @media print{h2{page-break-after:avoid}table,svg{page-break-inside:avoid}}
            """;

    private ReportHtml() {}

    static String run(JsonNode report, String footer) {
        StringBuilder html = start("Firedrill report of run " + report.path("runId").asText());
        body(html, report);
        return end(html, footer);
    }

    static String gameDay(JsonNode report) {
        StringBuilder html = start("Firedrill report of game day " + report.path("gameDay").asText());
        html.append("<p>Runbook ").append(escape(report.path("runbook").asText())).append("; experiments ")
                .append(escape(report.path("experiments").toString())).append("; participants ")
                .append(escape(report.path("participants").toString())).append("; runs: ")
                .append(report.path("runs").size()).append("</p>\n");
        for (JsonNode run : report.path("runs")) {
            html.append("<h1>Run ").append(escape(run.path("runId").asText())).append("</h1>\n");
            body(html, run);
        }
        return end(html, null);
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
    }

    private static String end(StringBuilder html, String footer) {
        if (footer != null) {
            html.append("<p><em>").append(escape(footer)).append("</em></p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void body(StringBuilder html, JsonNode report) {
        html.append("<p>Generated ").append(escape(report.path("generatedAt").asText())).append("</p>\n");
        for (ReportLayout.Section section : ReportLayout.of(report)) {
            html.append("<h2>").append(escape(section.title())).append("</h2>\n");
            for (ReportLayout.Block block : section.blocks()) {
                block(html, block);
            }
        }
    }

    private static void block(StringBuilder html, ReportLayout.Block block) {
        if (block instanceof ReportLayout.Rows rows) {
            html.append("<table>");
            for (List<String> row : rows.rows()) {
                html.append("<tr><td class=\"k\">").append(escape(row.get(0))).append("</td><td>")
                        .append(escape(row.get(1))).append("</td></tr>");
            }
            html.append("</table>\n");
        } else if (block instanceof ReportLayout.Table table) {
            if (table.caption() != null) {
                html.append("<h3>").append(escape(table.caption())).append("</h3>");
            }
            if (table.rows().isEmpty()) {
                html.append("<p>none</p>\n");
                return;
            }
            html.append("<table><tr>");
            table.headers().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
            html.append("</tr>");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>\n");
        } else if (block instanceof ReportLayout.Text text) {
            html.append("<p>").append(escape(text.text())).append("</p>\n");
        } else if (block instanceof ReportLayout.Chart chart) {
            html.append("<div class=\"legend\"><span style=\"color:#2ca02c\">&#9632; ok</span><span style=\"color:"
                    + "#d62728\">&#9632; fail / probe missed</span><span style=\"color:#ff7f0e\">&#9632; info</span>"
                    + "<span style=\"color:#1f77b4\">&#8212; slowest probe latency</span><span>shaded: fault in "
                    + "effect; dashed: T0-T6</span></div>\n");
            html.append(TimelineSvg.of(chart.series())).append('\n');
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
}
