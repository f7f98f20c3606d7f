package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The timeline chart as inline SVG, drawn on the server so the page needs no script and prints as it shows: fault
 * bands across every panel, the marks T0–T6 as dashed lines, workload completions per second (ok, fail, info
 * stacked), then per region the share of probe samples that met their expectation and the slowest latency.
 */
final class TimelineSvg {
    static final int WIDTH = 900;
    static final int LEFT = 70;
    static final int PLOT = 800;
    static final int WORKLOAD = 110;
    static final int REGION = 70;
    static final int GAP = 24;

    private TimelineSvg() {}

    static String of(JsonNode chart) {
        double seconds = Math.max(1, chart.path("seconds").asDouble(1));
        int regions = chart.path("probes").size();
        int height = 30 + WORKLOAD + GAP + regions * (REGION + GAP) + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Run timeline\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"10\">\n");
        int top = 30;
        int bottom = height - 30;
        chart.path("faults").forEach(f -> {
            double x1 = x(f.path("from").asDouble(), seconds);
            double x2 = Math.max(x1 + 1, x(f.path("to").asDouble(), seconds));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"#d62728\" fill-opacity=\"0.12\"/><text x=\"%.1f\" y=\"%d\" fill=\"#d62728\">%s</text>%n",
                    x1, top, x2 - x1, bottom - top, x1 + 2, top - 4, ReportHtml.escape(f.path("name").asText()
                            + " (" + f.path("kind").asText() + ")")));
        });
        panel(svg, "workload / s", top, WORKLOAD);
        long max = 1;
        for (JsonNode p : chart.path("workload")) {
            max = Math.max(max, p.get(1).asLong() + p.get(2).asLong() + p.get(3).asLong());
        }
        double bar = Math.max(1, PLOT / seconds - 1);
        for (JsonNode p : chart.path("workload")) {
            double x = x(p.get(0).asDouble(), seconds);
            double base = top + WORKLOAD;
            String[] colours = {"#2ca02c", "#d62728", "#ff7f0e"};
            for (int i = 0; i < 3; i++) {
                double h = WORKLOAD * p.get(i + 1).asDouble() / max;
                base -= h;
                if (h > 0) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\"/>%n", x, base, bar, h, colours[i]));
                }
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text>%n", LEFT + PLOT + 4, top + 8, max));
        int y = top + WORKLOAD + GAP;
        for (JsonNode region : chart.path("probes")) {
            panel(svg, region.path("region").asText() + " probes", y, REGION);
            double slowest = 1;
            for (JsonNode p : region.path("points")) {
                slowest = Math.max(slowest, p.get(3).asDouble());
            }
            StringBuilder line = new StringBuilder();
            for (JsonNode p : region.path("points")) {
                double x = x(p.get(0).asDouble(), seconds);
                double total = p.get(1).asDouble() + p.get(2).asDouble();
                double okShare = total == 0 ? 0 : p.get(1).asDouble() / total;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"/>%n", x, y + REGION * (1 - okShare), bar, REGION * okShare,
                        okShare == 1 ? "#98df8a" : "#ffbb78"));
                if (okShare < 1) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"#d62728\"/>%n", x, y, bar, REGION * (1 - okShare)));
                }
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + bar / 2,
                        y + REGION - REGION * p.get(3).asDouble() / slowest));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.2\" points=\"")
                    .append(line.toString().strip()).append("\"/>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1f77b4\">%.0f ms</text>%n",
                    LEFT + PLOT + 4, y + 8, slowest));
            y += REGION + GAP;
        }
        chart.path("marks").forEach(m -> {
            double x = x(m.path("at").asDouble(), seconds);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x, top, x,
                    bottom, x + 2, bottom + 12, ReportHtml.escape(m.path("id").asText())));
        });
        int step = (int) Math.max(1, Math.ceil(seconds / 10));
        for (int s = 0; s <= seconds; s += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n",
                    x(s, seconds), bottom + 24, s));
        }
        return svg.append("</svg>").toString();
    }

    private static void panel(StringBuilder svg, String label, int y, int h) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/><text x=\"2\" y=\"%d\">%s</text>%n", LEFT, y, PLOT, h, y + 12,
                ReportHtml.escape(label)));
    }

    static double x(double second, double seconds) {
        return LEFT + PLOT * Math.min(second, seconds) / seconds;
    }
}
